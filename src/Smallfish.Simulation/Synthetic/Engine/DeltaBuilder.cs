using Smallfish.Core.Domain;
using Smallfish.Core.MarketData;

namespace Smallfish.Simulation.Synthetic.Engine;

/// <summary>
/// Collects the level changes of one action so they go out as one delta carrying only levels whose size differs from
/// what the previous delta left (absolute sizes, 0 = delete). Reused; allocates only when an action touches more
/// levels than any before it.
/// </summary>
internal sealed class DeltaBuilder
{
    private readonly Entries _bids = new();
    private readonly Entries _asks = new();

    /// <summary>True when nothing was recorded since the last <see cref="Clear"/>.</summary>
    public bool IsEmpty => _bids.Count == 0 && _asks.Count == 0;

    /// <summary>Records that the level at <paramref name="price"/> went from <paramref name="before"/> to <paramref name="after"/> lots.</summary>
    public void Record(Side side, long price, long before, long after) => (side == Side.Buy ? _bids : _asks).Record(price, before, after);

    /// <summary>Writes the net changes into a message's level lists; returns false when every change cancelled out.</summary>
    public bool WriteTo(BookUpdate msg)
    {
        msg.Bids.Clear();
        msg.Asks.Clear();
        _bids.WriteTo(msg.Bids);
        _asks.WriteTo(msg.Asks);
        return msg.Bids.Count > 0 || msg.Asks.Count > 0;
    }

    /// <summary>Forgets all recorded changes.</summary>
    public void Clear()
    {
        _bids.Count = 0;
        _asks.Count = 0;
    }

    private sealed class Entries
    {
        private long[] _price = new long[64];
        private long[] _before = new long[64];
        private long[] _after = new long[64];
        public int Count;

        public void Record(long price, long before, long after)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_price[i] == price)
                {
                    _after[i] = after;
                    return;
                }
            }
            if (Count == _price.Length)
            {
                Array.Resize(ref _price, Count * 2);
                Array.Resize(ref _before, Count * 2);
                Array.Resize(ref _after, Count * 2);
            }
            _price[Count] = price;
            _before[Count] = before;
            _after[Count] = after;
            Count++;
        }

        public void WriteTo(LevelList list)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_after[i] != _before[i]) list.Add(_price[i], _after[i]);
            }
        }
    }
}
