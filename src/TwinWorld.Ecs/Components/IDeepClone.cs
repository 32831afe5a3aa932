namespace TwinWorld.Ecs;

/// <summary>
/// Lets a component that holds mutable references be copied deeply by <see cref="World.Clone"/>.
/// Without it a copied world shares referenced objects with the original, which is right for
/// immutable ones (strings) and wrong for anything a system mutates in place.
/// </summary>
public interface IDeepClone<out T> where T : struct
{
    T DeepClone();
}
