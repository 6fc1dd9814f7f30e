using System.ComponentModel.DataAnnotations;

namespace ChainLink.Application.Demands;

/// <summary>Configuration section ChainLink:Demands; validated at start.</summary>
public sealed class DemandOptions
{
    public const string Section = "ChainLink:Demands";

    /// <summary>Quarters an open demand stays open after its needed-by quarter before it expires.</summary>
    [Range(0, 8)] public int ExpiryGraceQuarters { get; set; } = 1;

    /// <summary>How often each instance looks for demands that are due to expire (and once at start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromHours(1);
}
