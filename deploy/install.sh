#!/usr/bin/env bash
# Installs a published Smallfish build as a systemd service. Run as root from the publish directory:
#   sudo ./install.sh
# Creates the 'smallfish' system user, /opt/smallfish (binaries), /etc/smallfish (configuration, secrets file mode
# 0600) and /var/lib/smallfish (journal, recordings, logs), then enables the unit. Existing configuration is kept.
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-}"
[ "$(id -u)" -eq 0 ] || [ -n "$prefix" ] || { echo "install.sh: run as root (sudo ./install.sh)" >&2; exit 1; }
[ -x "$src/smallfish" ] || { echo "install.sh: $src/smallfish not found; run deploy/publish.sh first" >&2; exit 1; }

if [ -z "$prefix" ] && ! id smallfish >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/smallfish --shell /usr/sbin/nologin smallfish
fi
install -d -m 0755 "$prefix/opt/smallfish"
install -d -m 0750 "$prefix/etc/smallfish"
install -d -m 0700 "$prefix/var/lib/smallfish"
install -m 0755 "$src/smallfish" "$prefix/opt/smallfish/smallfish"
[ -x "$src/smallfish-backtest" ] && install -m 0755 "$src/smallfish-backtest" "$prefix/opt/smallfish/smallfish-backtest"
[ -f "$src/README.md" ] && install -m 0644 "$src/README.md" "$prefix/opt/smallfish/README.md"
for f in "$src"/appsettings*.json; do
  name="$(basename "$f")"
  # Keep a user's edited configuration; ship the defaults beside it.
  if [ -e "$prefix/etc/smallfish/$name" ]; then install -m 0640 "$f" "$prefix/etc/smallfish/$name.dist"
  else install -m 0640 "$f" "$prefix/etc/smallfish/$name"; fi
done
if [ ! -e "$prefix/etc/smallfish/smallfish.env" ]; then
  install -m 0600 "$src/smallfish.env.example" "$prefix/etc/smallfish/smallfish.env"
fi
chmod 0600 "$prefix/etc/smallfish/smallfish.env"
install -d -m 0755 "$prefix/etc/systemd/system"
install -m 0644 "$src/smallfish.service" "$prefix/etc/systemd/system/smallfish.service"
if [ -z "$prefix" ]; then
  chown -R root:smallfish /etc/smallfish
  chown smallfish:smallfish /var/lib/smallfish
  systemctl daemon-reload
  systemctl enable smallfish.service
  echo "installed. Edit /etc/smallfish/smallfish.env, then: systemctl start smallfish; journalctl -u smallfish -f"
else
  echo "installed under $prefix (no user, ownership or systemctl changes in a prefix install)"
fi
