namespace ChainLink.Domain.Dashboard;

/// <summary>A record behind a figure: its type (agreement, investment, outcome, programme, demand, proposal, trainingBase) and id.</summary>
public sealed record RecordRef(string Type, Guid Id)
{
    public const string Agreement = "agreement";
    public const string Investment = "investment";
    public const string Outcome = "outcome";
    public const string Programme = "programme";
    public const string Demand = "demand";
    public const string Proposal = "proposal";
    public const string TrainingBase = "trainingBase";
}
