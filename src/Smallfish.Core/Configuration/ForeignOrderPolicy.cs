namespace Smallfish.Core.Configuration;

/// <summary>What the restart reconciliation does with open orders whose client id Smallfish did not make.</summary>
public enum ForeignOrderPolicy
{
    /// <summary>Leave them working and report them (the default: they may be the owner's own orders).</summary>
    Leave,

    /// <summary>Cancel them and report them.</summary>
    Cancel,
}
