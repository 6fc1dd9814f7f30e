namespace ChainLink.Infrastructure.Identity;

/// <summary>Where the Data Protection keys (which sign cookies and bearer tokens) live, and how they are protected at rest.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "ChainLink:DataProtection";

    /// <summary>A PFX whose certificate encrypts the keys at rest; without it the keys are stored unencrypted.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    internal static bool IsValid(KeyRingOptions o) => string.IsNullOrEmpty(o.CertificatePath) || File.Exists(o.CertificatePath);
}
