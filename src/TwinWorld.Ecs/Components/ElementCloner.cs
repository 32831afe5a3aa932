namespace TwinWorld.Ecs;

/// <summary>Deep-copies components that implement <see cref="IDeepClone{T}"/> when a world is cloned.</summary>
internal abstract class ElementCloner<T> where T : struct
{
    public abstract T Clone(ref T value);

    /// <summary>A cloner for T, or null when a plain value copy is the right copy.</summary>
    public static ElementCloner<T>? For()
    {
        if (!typeof(IDeepClone<T>).IsAssignableFrom(typeof(T)))
        {
            return null;
        }
        var cloner = typeof(DeepCloner<>).MakeGenericType(typeof(T));
        return (ElementCloner<T>)Activator.CreateInstance(cloner)!;
    }
}

internal sealed class DeepCloner<T> : ElementCloner<T> where T : struct, IDeepClone<T>
{
    public override T Clone(ref T value) => value.DeepClone();
}
