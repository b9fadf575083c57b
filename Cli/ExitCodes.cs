namespace Feed.Cli;

/// <summary>What the <c>feed</c> command's exit code says, so scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server failed (5xx), or something unexpected happened.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments: an unknown option, a malformed feed key or URL, a missing key or file.</summary>
    public const int Usage = 2;

    /// <summary>No configured server could be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>The server refused the publisher key (401).</summary>
    public const int Unauthorized = 4;

    /// <summary>The server rejected the input: 400 (with the field messages), 413, an unknown feed.</summary>
    public const int Rejected = 5;

    /// <summary>No such article or source.</summary>
    public const int NotFound = 6;
}
