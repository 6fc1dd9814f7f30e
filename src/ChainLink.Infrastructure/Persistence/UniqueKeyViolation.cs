using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChainLink.Infrastructure.Persistence;

/// <summary>
/// Recognises a write refused by a unique index or primary key: two requests that both checked "no twin yet" and then
/// both inserted. The loser's request is a conflict (409), not a server error.
/// </summary>
public static class UniqueKeyViolation
{
    /// <summary>SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended codes of SQLITE_CONSTRAINT, 19).</summary>
    private const int SqliteUnique = 2067, SqlitePrimaryKey = 1555;

    /// <summary>SQL Server: duplicate key row in a unique index (2601), violation of a unique or primary key constraint (2627).</summary>
    private const int SqlServerUniqueIndex = 2601, SqlServerUniqueConstraint = 2627;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
