namespace ChainLink.Domain.Cooperation;

/// <summary>Forms of cooperation a proposal and its agreement cover (several at once).</summary>
[Flags]
public enum CooperationMode
{
    None = 0,
    /// <summary>订单班</summary>
    OrderClass = 1,
    /// <summary>现代学徒制</summary>
    Apprenticeship = 2,
    /// <summary>实习</summary>
    Internship = 4,
    /// <summary>产业导师</summary>
    Mentoring = 8,
    /// <summary>共建实训基地</summary>
    SharedTrainingBase = 16,
    /// <summary>技术攻关</summary>
    TechnologyResearch = 32,
    /// <summary>共建课程</summary>
    CourseDevelopment = 64,
}
