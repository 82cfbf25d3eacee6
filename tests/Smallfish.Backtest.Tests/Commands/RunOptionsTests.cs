using System.CommandLine;
using Smallfish.Backtest.Commands;
using Smallfish.Core.Configuration;
using Smallfish.Core.Time;

namespace Smallfish.Backtest.Tests.Commands;

public class RunOptionsTests
{
    private static (RunOptions Options, ParseResult Parse) Parse(string args)
    {
        var options = new RunOptions();
        var command = new RootCommand("test");
        options.AddTo(command);
        return (options, command.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Test]
    public void Bind_SweepWithSymbolsAndRange_AllFourProfilesAndUpperCaseSymbols()
    {
        var (options, parse) = Parse("--symbols btcusdt ETHUSDT --symbol btcusdt --from 2024-01-15 --to 2024-01-17 --sweep --exchange binance --equity 2500 --chart --out o");
        Assert.That(parse.Errors, Is.Empty, string.Join("; ", parse.Errors.Select(e => e.Message)));
        var s = options.Bind(parse);
        Assert.Multiple(() =>
        {
            Assert.That(s.Symbols, Is.EqualTo(new[] { "BTCUSDT", "ETHUSDT" }));
            Assert.That(s.Modes, Is.EqualTo(new[] { TradingMode.Conservative, TradingMode.Balanced, TradingMode.Aggressive, TradingMode.Ultra }));
            Assert.That(s.Exchange, Is.EqualTo(ExchangeName.Binance));
            Assert.That(s.Equity, Is.EqualTo(2500m));
            Assert.That((s.Chart, s.OutDirectory), Is.EqualTo((true, "o")));
            Assert.That(s.DayRange(TimeProvider.System), Is.EqualTo((new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 17))));
        });
    }

    [Test]
    public void Bind_Days_LastCompleteUtcDaysFromTheClock()
    {
        var (options, parse) = Parse("--symbol BTCUSDT --days 2 --mode aggressive");
        var s = options.Bind(parse);
        var clock = new SimulatedClock(new DateTimeOffset(2024, 3, 10, 15, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000L);
        Assert.That(s.DayRange(clock), Is.EqualTo((new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9))));
        Assert.That(s.Modes, Is.EqualTo(new[] { TradingMode.Aggressive }));
        var request = s.ToDataRequest(clock);
        Assert.That((request.From, request.To, request.Symbols.Single()), Is.EqualTo(((DateOnly?)new DateOnly(2024, 3, 8), (DateOnly?)new DateOnly(2024, 3, 9), "BTCUSDT")));
    }

    [TestCase("--days 1", "name the symbols")]
    [TestCase("--symbol X", "without --data, give the days")]
    [TestCase("--symbol X --days 2 --from 2024-01-01", "either --days or --from/--to")]
    [TestCase("--symbol X --from 2024-13-01", "--from 2024-13-01 is not a day")]
    [TestCase("--symbol X --from 2024-01-02 --to 2024-01-01", "--to 2024-01-01 is before --from 2024-01-02")]
    [TestCase("--symbol X --days 1 --sweep --mode ultra", "drop --mode")]
    [TestCase("--symbol X --days 1 --equity -5", "--equity must be positive")]
    [TestCase("--symbol X --data /nonexistent/smallfish-data", "--data /nonexistent/smallfish-data does not exist")]
    public void Validate_BadCombination_OneLineError(string args, string expected)
    {
        var (_, parse) = Parse(args);
        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains(expected));
    }

    [Test]
    public void Validate_AutoWithLocalData_NoSymbolsNeeded()
    {
        string dir = Path.GetTempPath();
        var (options, parse) = Parse($"--auto 3 --data {dir}");
        Assert.That(parse.Errors, Is.Empty);
        var s = options.Bind(parse);
        Assert.That((s.Auto, s.Symbols.Count, s.ToCatalogOptions().DataDirectory), Is.EqualTo((3, 0, dir)));
    }
}
