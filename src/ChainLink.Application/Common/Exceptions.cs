namespace ChainLink.Application.Common;

/// <summary>404: the named record does not exist.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what, object key) : base($"未找到{what} {key}。") { }

    /// <summary>With a message of its own, for messages written in Chinese.</summary>
    public NotFoundException(string message) : base(message) { }
}

/// <summary>403: the caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>401: the caller is not signed in.</summary>
public sealed class UnauthenticatedException() : Exception("请先登录。");

/// <summary>409: the request conflicts with the current state (stale version, duplicate).</summary>
public sealed class ConflictException(string message) : Exception(message);
