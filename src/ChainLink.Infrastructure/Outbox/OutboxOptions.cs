using System.ComponentModel.DataAnnotations;

namespace ChainLink.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows claimed and applied per cycle.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 100;

    /// <summary>How long to wait for new rows when the outbox is empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claim lasts; a dispatcher that dies mid-batch gives its rows up after this. Keep it well above the time
    /// one batch takes to apply, or another dispatcher takes the rows over while they are still being applied (harmless,
    /// as applying is idempotent, but wasted work).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Back-off after the first failure; doubles with each further attempt up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")] public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")] public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Processed rows are deleted after this long (they are kept a while to show what was sent when).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")] public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Run the background dispatcher in this process (off for a process that must not touch the index).</summary>
    public bool DispatcherEnabled { get; set; } = true;
}
