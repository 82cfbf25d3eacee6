namespace Smallfish.Core.MarketData;

/// <summary>
/// Maps exchange symbol names to dense integer ids (0, 1, 2, ...) so the hot path indexes arrays instead of hashing
/// strings. Names are ASCII and compared case-insensitively (Binance stream names are lower case, payloads upper case).
/// Adding a symbol allocates; resolving a UTF-8 or char span to its id does not.
/// </summary>
/// <remarks>Not thread-safe for writers: register every symbol before the feed starts.</remarks>
public sealed class SymbolTable
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private readonly List<string> _names = new();
    private readonly List<byte[]> _upper = new();
    private int[] _slots = new int[16]; // id + 1, 0 = empty; open addressing with linear probing

    /// <summary>Number of registered symbols; ids run from 0 to <c>Count - 1</c>.</summary>
    public int Count => _names.Count;

    /// <summary>The canonical (upper-case) name of symbol <paramref name="id"/>.</summary>
    public string NameOf(int id) => _names[id];

    /// <summary>Returns the id of <paramref name="symbol"/>, registering it when new.</summary>
    /// <exception cref="ArgumentException">The name is empty or not printable ASCII.</exception>
    public int GetOrAdd(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        foreach (char c in symbol)
        {
            if (c <= ' ' || c > '~') throw new ArgumentException($"symbol '{symbol}' must be printable ASCII without spaces", nameof(symbol));
        }
        if (TryGetId(symbol.AsSpan(), out int existing)) return existing;

        string canonical = symbol.ToUpperInvariant();
        var bytes = new byte[canonical.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)canonical[i];
        int id = _names.Count;
        _names.Add(canonical);
        _upper.Add(bytes);
        if ((_names.Count * 2) > _slots.Length) Rehash(_slots.Length * 2);
        else Insert(_slots, bytes, id);
        return id;
    }

    /// <summary>Resolves a UTF-8 symbol name (any ASCII case) without allocating.</summary>
    public bool TryGetId(ReadOnlySpan<byte> utf8, out int id)
    {
        uint h = FnvOffset;
        for (int i = 0; i < utf8.Length; i++) h = (h ^ Upper(utf8[i])) * FnvPrime;
        int mask = _slots.Length - 1;
        for (int s = (int)(h & (uint)mask); ; s = (s + 1) & mask)
        {
            int v = _slots[s];
            if (v == 0) break;
            if (EqualsIgnoreCase(_upper[v - 1], utf8))
            {
                id = v - 1;
                return true;
            }
        }
        id = -1;
        return false;
    }

    /// <summary>Resolves a symbol name (any ASCII case) without allocating.</summary>
    public bool TryGetId(ReadOnlySpan<char> symbol, out int id)
    {
        uint h = FnvOffset;
        for (int i = 0; i < symbol.Length; i++)
        {
            char c = symbol[i];
            if (c > 0x7F) { id = -1; return false; }
            h = (h ^ Upper((byte)c)) * FnvPrime;
        }
        int mask = _slots.Length - 1;
        for (int s = (int)(h & (uint)mask); ; s = (s + 1) & mask)
        {
            int v = _slots[s];
            if (v == 0) break;
            if (EqualsIgnoreCase(_upper[v - 1], symbol))
            {
                id = v - 1;
                return true;
            }
        }
        id = -1;
        return false;
    }

    private void Rehash(int size)
    {
        var slots = new int[size];
        for (int id = 0; id < _upper.Count; id++) Insert(slots, _upper[id], id);
        _slots = slots;
    }

    private static void Insert(int[] slots, byte[] upper, int id)
    {
        uint h = FnvOffset;
        foreach (byte b in upper) h = (h ^ b) * FnvPrime;
        int mask = slots.Length - 1;
        int s = (int)(h & (uint)mask);
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = id + 1;
    }

    private static byte Upper(byte b) => (uint)(b - 'a') <= 'z' - 'a' ? (byte)(b - 32) : b;

    private static bool EqualsIgnoreCase(byte[] upper, ReadOnlySpan<byte> other)
    {
        if (upper.Length != other.Length) return false;
        for (int i = 0; i < upper.Length; i++)
        {
            if (upper[i] != Upper(other[i])) return false;
        }
        return true;
    }

    private static bool EqualsIgnoreCase(byte[] upper, ReadOnlySpan<char> other)
    {
        if (upper.Length != other.Length) return false;
        for (int i = 0; i < upper.Length; i++)
        {
            char c = other[i];
            if (c > 0x7F || upper[i] != Upper((byte)c)) return false;
        }
        return true;
    }
}
