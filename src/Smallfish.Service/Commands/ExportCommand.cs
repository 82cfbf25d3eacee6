using System.CommandLine;
using System.Globalization;
using Smallfish.Hosting.Configuration;
using Smallfish.Persistence.Export;
using Smallfish.Persistence.Journal;

namespace Smallfish.Service.Commands;

/// <summary><c>smallfish export --csv DIR</c>: every journal table as a CSV file.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, SmallfishConfigurationRequest> request, TextWriter output, TextWriter error)
    {
        var csv = new Option<string>("--csv")
        {
            Description = "Directory to write <table>.csv into (created if missing).",
            HelpName = "dir",
            Required = true,
        };
        var command = new Command("export", "Export the journal (the data directory's journal.db) as one CSV file per table: header row, RFC 4180 quoting, invariant culture. Safe while the service runs.")
        {
            csv,
        };
        command.SetAction(result =>
        {
            LoadedSmallfishConfiguration loaded;
            try
            {
                loaded = SmallfishConfiguration.Load(request(result));
            }
            catch (ConfigurationErrors errors)
            {
                return ConfigurationErrorReporter.Report(errors, error);
            }

            string database = new SqliteJournalOptions { DataDirectory = loaded.Options.Journal.DataDirectory }.DatabasePath;
            if (!File.Exists(database))
            {
                error.WriteLine($"smallfish: no journal at {database} (--data-dir names the service's data directory)");
                return 1;
            }

            string directory = Path.GetFullPath(result.GetValue(csv)!);
            IReadOnlyList<CsvTableExport> tables = JournalCsvExporter.Export(database, directory);
            foreach (CsvTableExport table in tables)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Table}: {table.Rows} rows -> {table.Path}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"smallfish: {tables.Count} tables of {database} exported to {directory}"));
            return 0;
        });
        return command;
    }
}
