#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>What the compiler needs for records and init accessors; netstandard2.1 lacks it, net5+ has it.</summary>
internal static class IsExternalInit
{
}
#endif
