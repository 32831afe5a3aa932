/* The C ABI of the TwinWorld libtorch shim (P/Invoked by TwinWorld.Torch).
 *
 * Every call that can fail returns 0 on success, or non-zero and sets *error to a message that the
 * caller frees with twt_free_string. No C++ exception crosses this boundary. */
#ifndef TWINWORLD_TORCH_H
#define TWINWORLD_TORCH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TWT_API __attribute__((visibility("default")))

/* Element types the shim passes in and out. */
enum twt_dtype { TWT_UINT8 = 0, TWT_FLOAT32 = 1 };

typedef struct twt_module twt_module;
typedef struct twt_tensor twt_tensor;

/* One named input of forward: rank dimensions in shape, data row-major, byte_length bytes. */
typedef struct twt_input {
  const char* name;
  int32_t dtype;
  int32_t rank;
  const int64_t* shape;
  const void* data;
  int64_t byte_length;
} twt_input;

TWT_API void twt_free_string(char* text);

/* The libtorch version the shim was built against, e.g. "1.13.0" (static, not to be freed). */
TWT_API const char* twt_version(void);
TWT_API int32_t twt_cuda_available(void);
TWT_API int32_t twt_cuda_device_count(void);

/* Intra-op threads for every module in this process (libtorch's setting is process-wide). */
TWT_API int32_t twt_set_threads(int32_t threads, char** error);
TWT_API int32_t twt_get_threads(void);

/* Loads a TorchScript file onto device "cpu", "cuda" or "cuda:N", in eval mode. */
TWT_API int32_t twt_module_load(const char* path, const char* device, twt_module** module, char** error);
TWT_API void twt_module_free(twt_module* module);

/* Runs forward, matching inputs to its arguments by name, in any order; the single tensor it
 * returns comes back on the CPU, contiguous, owned by the caller until twt_tensor_free. */
TWT_API int32_t twt_module_forward(twt_module* module, const twt_input* inputs, int32_t count, twt_tensor** output, char** error);

TWT_API int32_t twt_tensor_dtype(const twt_tensor* tensor);
TWT_API int32_t twt_tensor_rank(const twt_tensor* tensor);
/* Writes min(rank, capacity) dimensions into shape. */
TWT_API void twt_tensor_shape(const twt_tensor* tensor, int64_t* shape, int32_t capacity);
TWT_API const void* twt_tensor_data(const twt_tensor* tensor);
TWT_API int64_t twt_tensor_byte_length(const twt_tensor* tensor);
TWT_API void twt_tensor_free(twt_tensor* tensor);

#ifdef __cplusplus
}
#endif

#endif
