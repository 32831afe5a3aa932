namespace TwinWorld.Bench.Ecs;

// The components of Doraku's Ecs.CSharp.Benchmark: one int each, so figures compare with its tables.

public struct Component1
{
    public int Value;
}

public struct Component2
{
    public int Value;
}

public struct Component3
{
    public int Value;
}
