namespace ChainLink.Application.Demands;

/// <summary>Words of the posted text: <see cref="Start"/> and <see cref="Length"/> count UTF-16 code units, as JavaScript strings do.</summary>
public sealed record TextMatch(int Start, int Length, string Text);
