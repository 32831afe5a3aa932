using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TwinWorld.Client.Tests;

/// <summary>What a Unity or Godot project gets: the netstandard2.1 build, read as metadata (it is never loaded here).</summary>
public class PortabilityTests
{
    /// <summary>The client's netstandard2.1 build output, with the Protocol assembly beside it (set at build time).</summary>
    private static readonly string Directory = typeof(PortabilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PortableClientDirectory").Value!;

    [Fact]
    public void The_client_builds_for_netstandard21_on_protocol_and_litenetlib_only()
    {
        var (framework, references) = Read("TwinWorld.Client.dll");

        Assert.Equal(".NETStandard,Version=v2.1", framework);
        // Google.Protobuf: the Protocol's messages are protobuf messages. No TwinWorld.Net, Simulation or Ecs.
        Assert.Equal(["Google.Protobuf", "LiteNetLib", "netstandard", "TwinWorld.Protocol"], references);
    }

    [Fact]
    public void The_protocol_it_takes_along_builds_for_netstandard21_and_references_no_other_project()
    {
        var (framework, references) = Read("TwinWorld.Protocol.dll");

        Assert.Equal(".NETStandard,Version=v2.1", framework);
        Assert.Subset(new HashSet<string> { "Google.Protobuf", "LiteNetLib", "netstandard", "System.Collections.Immutable" }, references.ToHashSet());
    }

    /// <summary>An assembly's target framework (its TargetFrameworkAttribute) and the names of the assemblies it references, sorted ignoring case.</summary>
    private static (string Framework, List<string> References) Read(string file)
    {
        string path = Path.Combine(Directory, file);
        Assert.True(File.Exists(path), $"{path} is missing: the netstandard2.1 build did not run");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        string? framework = null;
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (metadata.GetString(type.Name) == "TargetFrameworkAttribute")
            {
                // The blob: a 2-byte prolog, then the framework name as a serialised string.
                var value = metadata.GetBlobReader(attribute.Value);
                value.ReadUInt16();
                framework = value.ReadSerializedString();
            }
        }
        return (framework ?? "(none)", references);
    }
}
