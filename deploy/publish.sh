#!/usr/bin/env bash
# Publishes the smallfish service (and smallfish-backtest) as self-contained single files.
#   deploy/publish.sh                 # linux-arm64, for a Raspberry Pi (64-bit OS)
#   deploy/publish.sh linux-x64       # the same build for an x64 machine (what CI can verify here)
# Output: publish/<rid>/ with smallfish, smallfish-backtest, appsettings*.json and the deploy files.
set -euo pipefail
rid="${1:-linux-arm64}"
case "$rid" in
  linux-arm64|linux-x64) ;;
  *) echo "publish.sh: unsupported runtime '$rid' (use linux-arm64 or linux-x64)" >&2; exit 2 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/publish/$rid"
rm -rf "$out"
mkdir -p "$out"
for proj in src/Smallfish.Service/Smallfish.Service.csproj src/Smallfish.Backtest/Smallfish.Backtest.csproj; do
  dotnet publish "$root/$proj" -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
    -o "$out"
done
cp "$root/deploy/smallfish.service" "$root/deploy/install.sh" "$root/deploy/smallfish.env.example" "$out/"
[ -f "$root/README.md" ] && cp "$root/README.md" "$out/"
echo "published to $out"
