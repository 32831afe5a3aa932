using System.Runtime.InteropServices;

namespace TwinWorld.Torch.Native;

/// <summary>The C library, for the process environment that native libraries read (.NET's own environment is a managed copy).</summary>
internal static partial class LibC
{
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
