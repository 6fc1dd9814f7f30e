using System.Data.Common;
using System.Text;
using ChainLink.Application.Barometer;
using ChainLink.Domain.Barometer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>
/// Reads the barometer's demand facts of a window in four ranges of their key, each on a connection of its own, side by
/// side (SQLite in WAL mode lets readers run together). On SQLite the rows are stepped through SQLite's own API and the
/// text is read in place, without a string per value; other databases are read through ADO.NET
/// (docs/barometer-methodology.md §10).
/// </summary>
public sealed class DemandFactReader(AppDbContext db) : IDemandFactReader
{
    private const int Ranges = 4;

    /// <summary>Tests set this to read SQLite through ADO.NET, the path SQL Server takes.</summary>
    internal bool UseAdoNet { get; init; }

    /// <summary>
    /// Uses the context only before it returns and without a query, so the caller may go on querying the context
    /// while the facts are read: a context is not to be used by two operations at once.
    /// </summary>
    public Task<DemandRows> ReadAsync(int firstQuarter, int lastQuarter, IReadOnlySet<Guid> leftOut, CancellationToken ct)
    {
        var factory = DbProviderFactories.GetFactory(db.Database.GetDbConnection())
            ?? throw new InvalidOperationException("The database connection names no provider factory.");
        var connectionString = db.Database.GetConnectionString();
        var native = db.Database.IsSqlite() && !UseAdoNet;
        var table = db.DemandFacts.EntityType.GetTableName();
        var sql = $"""
            SELECT f.OrganisationId, f.OccupationCode, f.RegionCode, f.FirstQuarter, f.LastQuarter, f.Headcount, f.SkillCodes
            FROM {table} f
            WHERE f.Id >= @from AND f.Id < @to AND f.FirstQuarter <= @last AND (f.LastQuarter IS NULL OR f.LastQuarter >= @first)
            """;
        return Task.Run(async () =>
        {
            if (await KeyBoundsAsync(factory, connectionString, table, ct) is not var (min, max)) return new DemandRows();
            var width = (max - min) / Ranges + 1;
            var parts = new DemandRows[Ranges];
            await Parallel.ForAsync(0, Ranges, ct, async (i, token) =>
            {
                long[] parameters = [min + i * width, min + (i + 1) * width, firstQuarter, lastQuarter];
                parts[i] = native
                    ? await Task.Run(() => ReadSqlite(connectionString, sql, parameters, leftOut, token), token)
                    : await ReadAdoNetAsync(factory, connectionString, sql, parameters, leftOut, token);
            });
            return DemandRows.Concat(parts);
        }, ct);
    }

    /// <summary>
    /// The lowest and highest fact key, or null when there is no fact: two single-aggregate queries, each one step down
    /// the key's index (MIN and MAX in one query would scan).
    /// </summary>
    private static async Task<(long Min, long Max)?> KeyBoundsAsync(DbProviderFactory factory, string? connectionString, string? table, CancellationToken ct)
    {
        await using var connection = await OpenAsync(factory, connectionString, ct);
        async Task<long?> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        if (await ScalarAsync($"SELECT MIN(Id) FROM {table}") is not { } min) return null;
        return (min, await ScalarAsync($"SELECT MAX(Id) FROM {table}") ?? min);
    }

    private static async Task<DbConnection> OpenAsync(DbProviderFactory factory, string? connectionString, CancellationToken ct)
    {
        var connection = factory.CreateConnection() ?? throw new InvalidOperationException("The database provider creates no connection.");
        try
        {
            connection.ConnectionString = connectionString;
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static readonly string[] ParameterNames = ["@from", "@to", "@first", "@last"];

    private static DemandRows ReadSqlite(string? connectionString, string sql, long[] parameters, IReadOnlySet<Guid> leftOut, CancellationToken ct)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            for (var i = 0; i < parameters.Length; i++)
                Check(handle, raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, ParameterNames[i]), parameters[i]));
            var rows = new DemandRows();
            var text = new char[DemandFact.SkillCodesMaxLength + 64];
            int result;
            for (var n = 0; (result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; n++)
            {
                if ((n & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                var organisation = Guid.Parse(raw.sqlite3_column_blob(statement, 0));
                if (leftOut.Count > 0 && leftOut.Contains(organisation)) continue;
                var occupation = Chars(raw.sqlite3_column_blob(statement, 1), text, 0);
                var region = Chars(raw.sqlite3_column_blob(statement, 2), text, occupation.Length);
                var skills = Chars(raw.sqlite3_column_blob(statement, 6), text, occupation.Length + region.Length);
                int? last = raw.sqlite3_column_type(statement, 4) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(statement, 4);
                rows.Add(organisation, occupation, region, raw.sqlite3_column_int(statement, 3), last, raw.sqlite3_column_int(statement, 5), skills);
            }
            if (result != raw.SQLITE_DONE) Check(handle, result);
            return rows;
        }
    }

    /// <summary>UTF-8 text of a column decoded into <paramref name="buffer"/> from <paramref name="start"/>.</summary>
    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8, char[] buffer, int start) =>
        buffer.AsSpan(start, Encoding.UTF8.GetChars(utf8, buffer.AsSpan(start)));

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
    }

    private static async Task<DemandRows> ReadAdoNetAsync(
        DbProviderFactory factory, string? connectionString, string sql, long[] parameters, IReadOnlySet<Guid> leftOut, CancellationToken ct)
    {
        await using var connection = await OpenAsync(factory, connectionString, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterNames[i];
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }
        var rows = new DemandRows();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var organisation = reader.GetGuid(0);
            if (leftOut.Count > 0 && leftOut.Contains(organisation)) continue;
            rows.Add(organisation, reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6));
        }
        return rows;
    }
}
