namespace ChainLink.Domain.Cooperation;

/// <summary>What a cooperation produced; <see cref="Outcome.Quantity"/> counts people, hours, contracts, patents or courses by kind.</summary>
public enum OutcomeKind
{
    /// <summary>毕业生就业: graduates of a programme hired, per graduation year.</summary>
    GraduatesHired = 1,
    /// <summary>接收实习生</summary>
    InternsHosted = 2,
    /// <summary>培训课时</summary>
    TrainingHours = 3,
    /// <summary>产业导师授课课时</summary>
    MentorHours = 4,
    /// <summary>技术转让: contracts, with their value.</summary>
    TechnologyTransferred = 5,
    /// <summary>专利共享: patents, with their numbers.</summary>
    PatentsShared = 6,
    /// <summary>共建课程或模块</summary>
    CoursesBuilt = 7,
}
