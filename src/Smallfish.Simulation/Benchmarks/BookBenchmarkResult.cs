namespace Smallfish.Simulation.Benchmarks;

/// <summary>Everything one run of the book benchmark measured.</summary>
/// <param name="Books">Book-apply figures, one per venue.</param>
/// <param name="Parses">Parse figures.</param>
public sealed record BookBenchmarkResult(IReadOnlyList<BookApplyFigures> Books, IReadOnlyList<ParseFigures> Parses);
