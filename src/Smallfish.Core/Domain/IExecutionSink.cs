namespace Smallfish.Core.Domain;

/// <summary>Receives order updates and fills from a venue, in venue order. The engine implements it.</summary>
public interface IExecutionSink
{
    /// <summary>An order changed state.</summary>
    void OnOrderUpdate(in OrderUpdate update);

    /// <summary>An order (partly) filled.</summary>
    void OnFill(in Fill fill);
}
