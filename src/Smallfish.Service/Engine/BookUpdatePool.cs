using System.Collections.Concurrent;
using Smallfish.Core.MarketData;

namespace Smallfish.Service.Engine;

/// <summary>
/// Reusable <see cref="BookUpdate"/> buffers: the stream's consumer copies each book message into a rented buffer
/// (its own buffer is only valid during the call) and the loop returns it after the engine has applied it. In steady
/// state no buffer is allocated.
/// </summary>
internal sealed class BookUpdatePool
{
    private readonly ConcurrentQueue<BookUpdate> _free = new();
    private readonly int _maxRetained;
    private int _retained;

    public BookUpdatePool(int maxRetained, int prefill)
    {
        _maxRetained = maxRetained;
        for (int i = 0; i < prefill; i++) Return(new BookUpdate());
    }

    /// <summary>Buffers created because the pool was empty.</summary>
    public long Created { get; private set; }

    public BookUpdate Rent()
    {
        if (_free.TryDequeue(out BookUpdate? book))
        {
            Interlocked.Decrement(ref _retained);
            return book;
        }

        Created++;
        return new BookUpdate();
    }

    public void Return(BookUpdate book)
    {
        if (Interlocked.Increment(ref _retained) > _maxRetained)
        {
            Interlocked.Decrement(ref _retained);
            return;
        }

        _free.Enqueue(book);
    }
}
