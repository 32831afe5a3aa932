using TwinWorld.TestSupport;
namespace TwinWorld.Torch.Tests;

public sealed class TorchModuleTests
{
    // mix.pt: uint8 image [N, M] x float32 weights [M, P], rounded to uint8.
    private static readonly byte[] Image = [1, 2, 3, 4, 5, 6];
    private static readonly float[] Weights = [1, 0, 0, 1, 1, 1];
    private static readonly byte[] Product = [4, 5, 10, 11];

    private static TorchInput ImageInput => TorchInput.UInt8("image", Image, 2, 3);

    private static TorchInput WeightsInput => TorchInput.Float32("weights", Weights, 3, 2);

    [TorchFact]
    public void Forward_takes_uint8_and_float_inputs_by_name_in_any_order()
    {
        using var module = TorchModule.Load(Fixture.Path("mix"));
        using var imageFirst = module.Forward(ImageInput, WeightsInput);
        using var weightsFirst = module.Forward(WeightsInput, ImageInput);

        Assert.Equal(TorchDType.UInt8, imageFirst.DType);
        Assert.Equal([2L, 2L], imageFirst.Shape);
        Assert.Equal(Product, imageFirst.Bytes.ToArray());
        Assert.Equal(Product, weightsFirst.Bytes.ToArray());
    }

    [TorchFact]
    public void Forward_returns_float_tensors_with_their_shape()
    {
        using var module = TorchModule.Load(Fixture.Path("raises"));
        using var output = module.Forward(TorchInput.Float32("x", new float[] { 0.5f, 1, 2, -0f, 3, 4 }, 2, 1, 3));

        Assert.Equal(TorchDType.Float32, output.DType);
        Assert.Equal([2L, 1L, 3L], output.Shape);
        Assert.Equal(24, output.ByteLength);
        Assert.Equal([1f, 2, 4, 0, 6, 8], System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(output.Bytes).ToArray());
    }

    [TorchFact]
    public void A_dtype_the_module_cannot_use_is_an_error_with_libtorchs_message()
    {
        using var module = TorchModule.Load(Fixture.Path("mix"));
        var uint8Weights = TorchInput.UInt8("weights", new byte[] { 1, 0, 0, 1, 1, 1 }, 3, 2);

        var error = Assert.Throws<TorchException>(() => module.Forward(ImageInput, uint8Weights));
        Assert.Contains("expected scalar type Float but found Byte", error.Message);
    }

    [TorchFact]
    public void A_shape_the_module_cannot_use_is_an_error_with_libtorchs_message()
    {
        using var module = TorchModule.Load(Fixture.Path("mix"));
        var tallWeights = TorchInput.Float32("weights", new float[4], 4, 1);

        var error = Assert.Throws<TorchException>(() => module.Forward(ImageInput, tallWeights));
        Assert.Contains("2x3 and 4x1", error.Message);
    }

    [TorchFact]
    public void Missing_and_unknown_input_names_are_errors_that_name_them()
    {
        using var module = TorchModule.Load(Fixture.Path("mix"));

        var missing = Assert.Throws<TorchException>(() => module.Forward(ImageInput));
        Assert.Contains("forward needs input \"weights\"", missing.Message);
        var unknown = Assert.Throws<TorchException>(() => module.Forward(ImageInput, WeightsInput, TorchInput.Float32("bias", new float[2], 2)));
        Assert.Contains("forward has no argument \"bias\" (it takes weights, image)", unknown.Message);
        var twice = Assert.Throws<TorchException>(() => module.Forward(ImageInput, WeightsInput, ImageInput));
        Assert.Contains("\"image\" is given twice", twice.Message);
    }

    [TorchFact]
    public void An_exception_raised_in_forward_is_a_TorchException_and_the_module_keeps_working()
    {
        using var module = TorchModule.Load(Fixture.Path("raises"));

        var error = Assert.Throws<TorchException>(() => module.Forward(TorchInput.Float32("x", new float[] { 1, -1 }, 2)));
        Assert.Contains("x must not be negative", error.Message);
        using var output = module.Forward(TorchInput.Float32("x", new float[] { 1, 2 }, 2));
        Assert.Equal([2f, 4f], System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(output.Bytes).ToArray());
    }

    [TorchFact]
    public void A_missing_file_is_a_TorchException_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"twinworld-missing-{Guid.NewGuid():N}.pt");

        var error = Assert.Throws<TorchException>(() => TorchModule.Load(path));
        Assert.Contains(path, error.Message);
    }

    [TorchFact]
    public void A_corrupt_file_is_a_TorchException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"twinworld-corrupt-{Guid.NewGuid():N}.pt");
        var bytes = File.ReadAllBytes(Fixture.Path("mix"));
        try
        {
            File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
            var truncated = Assert.Throws<TorchException>(() => TorchModule.Load(path));
            Assert.NotEmpty(truncated.Message);

            File.WriteAllText(path, "not a TorchScript archive");
            var text = Assert.Throws<TorchException>(() => TorchModule.Load(path));
            Assert.NotEmpty(text.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TorchFact]
    public void An_unknown_device_is_a_TorchException()
    {
        var error = Assert.Throws<TorchException>(() => TorchModule.Load(Fixture.Path("mix"), "abacus"));
        Assert.Contains("abacus", error.Message);
    }

    [CudaFact(present: false)]
    public void Cuda_without_a_device_is_a_clear_error()
    {
        var error = Assert.Throws<TorchException>(() => TorchModule.Load(Fixture.Path("mix"), "cuda"));
        Assert.Contains("CUDA", error.Message);
        Assert.Contains("\"cuda\"", error.Message);
    }

    [CudaFact]
    public void Forward_on_cuda_gives_what_it_gives_on_the_cpu()
    {
        using var module = TorchModule.Load(Fixture.Path("mix"), "cuda");
        using var output = module.Forward(WeightsInput, ImageInput);

        Assert.Equal(Product, output.Bytes.ToArray());
    }

    [TorchFact]
    public void Disposing_twice_is_safe_and_use_after_dispose_says_so()
    {
        var module = TorchModule.Load(Fixture.Path("mix"));
        var output = module.Forward(ImageInput, WeightsInput);
        module.Dispose();
        module.Dispose();
        output.Dispose();
        output.Dispose();

        Assert.Throws<ObjectDisposedException>(() => module.Forward(ImageInput, WeightsInput));
        Assert.Throws<ObjectDisposedException>(() => output.Bytes.Length);
    }

    [TorchFact]
    public void Forward_runs_on_several_threads_at_once()
    {
        using var module = TorchModule.Load(Fixture.Path("mix"));
        var results = new byte[64][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var image = Image.Select(v => (byte)(v + (i % 8))).ToArray();
            using var output = module.Forward(TorchInput.UInt8("image", image, 2, 3), WeightsInput);
            results[i] = output.Bytes.ToArray();
        });

        for (int i = 0; i < results.Length; i++)
        {
            int k = i % 8;
            Assert.Equal([(byte)(4 + (2 * k)), (byte)(5 + (2 * k)), (byte)(10 + (2 * k)), (byte)(11 + (2 * k))], results[i]);
        }
    }

    [Fact]
    public void An_input_whose_data_does_not_fill_its_shape_is_refused_before_any_call()
    {
        var error = Assert.Throws<ArgumentException>(() => TorchInput.Float32("x", new float[5], 2, 3));
        Assert.Contains("holds 6 elements, the data 5", error.Message);
    }
}
