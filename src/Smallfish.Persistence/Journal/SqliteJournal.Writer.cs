using Microsoft.Data.Sqlite;
using Smallfish.Persistence.Logging;

namespace Smallfish.Persistence.Journal;

/// <summary>The background writer of <see cref="SqliteJournal"/>: drains the queue and commits batches.</summary>
public sealed partial class SqliteJournal
{
    private async Task RunWriterAsync()
    {
        var batch = new List<JournalItem>(Math.Min(_options.MaxBatchSize, 16_384));
        try
        {
            while (await _wake.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                Drain(batch);
            }
            Drain(batch);
        }
        catch (Exception ex)
        {
            _writerFault = ex;
            JournalLog.WriterFailed(_logger, ex, Interlocked.Read(ref _pending));
        }
        finally
        {
            _writerStopped = true;
            var leftover = _writerFault ?? new ObjectDisposedException(nameof(SqliteJournal));
            foreach (var item in batch) (item.Payload as TaskCompletionSource)?.TrySetException(leftover);
            while (_queue.TryDequeue(out var item)) (item.Payload as TaskCompletionSource)?.TrySetException(leftover);
            lock (_spaceGate) Monitor.PulseAll(_spaceGate);
        }
    }

    private void Drain(List<JournalItem> batch)
    {
        while (true)
        {
            while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out var item)) batch.Add(item);
            if (batch.Count == 0) return;
            if (!Commit(batch)) return;
            batch.Clear();
        }
    }

    /// <summary>Commits <paramref name="batch"/>; false when a transient error left its records queued for a retry.</summary>
    private bool Commit(List<JournalItem> batch)
    {
        int records = 0, duplicates = 0;
        try
        {
            using (var tx = _connection.BeginTransaction())
            {
                _writer.Enlist(tx);
                foreach (var item in batch)
                {
                    if (item.Kind == JournalItemKind.Flush) continue;
                    records++;
                    if (!_writer.Write(item)) duplicates++;
                }
                tx.Commit();
            }
        }
        catch (SqliteException ex) when (IsTransient(ex))
        {
            Interlocked.Increment(ref _writeErrors);
            JournalLog.TransientWriteError(_logger, ex, records);
            batch.RemoveAll(item =>
            {
                if (item.Payload is not TaskCompletionSource flush) return false;
                flush.TrySetException(ex);
                return true;
            });
            return false;
        }
        catch (Exception)
        {
            (records, duplicates) = CommitOneByOne(batch);
        }
        finally
        {
            _writer.Enlist(null);
        }
        Committed(records, duplicates);
        foreach (var item in batch) (item.Payload as TaskCompletionSource)?.TrySetResult();
        return true;
    }

    /// <summary>Isolates the record(s) the database refuses: each in its own transaction; refused ones are counted.</summary>
    private (int Written, int Duplicates) CommitOneByOne(List<JournalItem> batch)
    {
        int written = 0, duplicates = 0;
        foreach (var item in batch)
        {
            if (item.Kind == JournalItemKind.Flush) continue;
            try
            {
                using var tx = _connection.BeginTransaction();
                _writer.Enlist(tx);
                bool fresh = _writer.Write(item);
                tx.Commit();
                written++;
                if (!fresh) duplicates++;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _failed);
                Interlocked.Decrement(ref _pending);
                JournalLog.RecordRefused(_logger, ex, item.Kind.ToString());
            }
        }
        return (written, duplicates);
    }

    private void Committed(int records, int duplicates)
    {
        Interlocked.Add(ref _committed, records);
        Interlocked.Add(ref _duplicateFills, duplicates);
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _pending, -records);
        Interlocked.Exchange(ref _commitSignal, NewSignal()).TrySetResult();
        lock (_spaceGate) Monitor.PulseAll(_spaceGate);
    }

    private static bool IsTransient(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is
        5 /* BUSY */ or 6 /* LOCKED */ or 7 /* NOMEM */ or 10 /* IOERR */ or 13 /* FULL */ or 14 /* CANTOPEN */ or 15 /* PROTOCOL */;
}
