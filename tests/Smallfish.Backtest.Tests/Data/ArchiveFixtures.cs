using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Smallfish.Backtest.Tests.Data;

/// <summary>Small archive files with known contents, in the exchanges' formats.</summary>
internal static class ArchiveFixtures
{
    public static string BybitTradesCsv(int rows, long startSeconds = 1_705_276_800)
    {
        var sb = new StringBuilder("timestamp,symbol,side,size,price,tickDirection,trdMatchID,grossValue,homeNotional,foreignNotional\n");
        for (int i = 0; i < rows; i++)
        {
            sb.Append(System.FormattableString.Invariant(
                $"{startSeconds + i}.{i % 10}000,BTCUSDT,{(i % 2 == 0 ? "Buy" : "Sell")},0.0{(i % 9) + 1},4200{i % 10}.5,PlusTick,id-{i},1e+8,0.01,420\n"));
        }
        return sb.ToString();
    }

    public static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    public static byte[] Zip(string member, string text)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry(member).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
        return ms.ToArray();
    }

    public static byte[] Checksum(byte[] content, string fileName) =>
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(content)) + "  " + fileName + "\n");

    public static string AggTradesCsv(int rows)
    {
        var sb = new StringBuilder("agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n");
        for (int i = 0; i < rows; i++) sb.Append(System.FormattableString.Invariant($"{1000 + i},4200{i % 10}.1,0.00{(i % 9) + 1},{i},{i},{1705276800000L + i},{(i % 3 == 0 ? "true" : "false")}\n"));
        return sb.ToString();
    }
}
