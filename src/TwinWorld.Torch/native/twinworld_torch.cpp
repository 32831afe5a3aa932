// The TwinWorld libtorch shim: TorchScript load and forward behind the C ABI in twinworld_torch.h.
// Every entry point that can fail goes through guarded(), so c10::Error and every other C++
// exception becomes a message for .NET instead of unwinding into managed frames (which aborts).
#include "twinworld_torch.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

struct twt_module {
  torch::jit::Module module;
  torch::Device device;
};

struct twt_tensor {
  torch::Tensor tensor;
};

namespace {

char* copy_string(const std::string& text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy != nullptr) {
    std::memcpy(copy, text.c_str(), text.size() + 1);
  }
  return copy;
}

template <typename Body>
int32_t guarded(char** error, Body&& body) {
  std::string message;
  try {
    body();
    return 0;
  } catch (const c10::Error& e) {
    message = e.what_without_backtrace();
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
    message = "an unknown C++ exception";
  }
  if (error != nullptr) {
    *error = copy_string(message);
  }
  return 1;
}

std::string join_arguments(const std::vector<c10::Argument>& arguments) {
  std::string names;
  for (size_t i = 1; i < arguments.size(); ++i) {  // 0 is self
    names += (i > 1 ? ", " : "") + arguments[i].name();
  }
  return names.empty() ? "none" : names;
}

// A copy of the caller's bytes on the module's device: the module may keep or modify its inputs,
// and the caller's buffer is only pinned for the duration of the call.
torch::Tensor to_tensor(const twt_input& input, const torch::Device& device) {
  const std::string name = input.name == nullptr ? "(unnamed)" : input.name;
  if (input.dtype != TWT_UINT8 && input.dtype != TWT_FLOAT32) {
    throw std::invalid_argument("input \"" + name + "\": unknown dtype code " + std::to_string(input.dtype));
  }
  if (input.rank < 0 || (input.rank > 0 && input.shape == nullptr)) {
    throw std::invalid_argument("input \"" + name + "\": no shape");
  }
  std::vector<int64_t> shape(input.shape, input.shape + input.rank);
  int64_t elements = 1;
  for (int64_t dimension : shape) {
    if (dimension < 0) {
      throw std::invalid_argument("input \"" + name + "\": negative dimension " + std::to_string(dimension));
    }
    elements *= dimension;
  }
  const int64_t element_size = input.dtype == TWT_UINT8 ? 1 : 4;
  if (elements * element_size != input.byte_length) {
    throw std::invalid_argument("input \"" + name + "\": its shape needs " + std::to_string(elements * element_size) +
                                " bytes, " + std::to_string(input.byte_length) + " given");
  }
  if (input.byte_length > 0 && input.data == nullptr) {
    throw std::invalid_argument("input \"" + name + "\": no data");
  }
  const auto dtype = input.dtype == TWT_UINT8 ? torch::kUInt8 : torch::kFloat32;
  return torch::from_blob(const_cast<void*>(input.data), shape, torch::TensorOptions().dtype(dtype))
      .to(device, /*non_blocking=*/false, /*copy=*/true);
}

}  // namespace

extern "C" {

void twt_free_string(char* text) { std::free(text); }

const char* twt_version(void) { return TORCH_VERSION; }

int32_t twt_cuda_available(void) { return torch::cuda::is_available() ? 1 : 0; }

int32_t twt_cuda_device_count(void) { return static_cast<int32_t>(torch::cuda::device_count()); }

int32_t twt_set_threads(int32_t threads, char** error) {
  return guarded(error, [&] {
    if (threads < 1) {
      throw std::invalid_argument("threads must be at least 1, not " + std::to_string(threads));
    }
    at::set_num_threads(threads);
  });
}

int32_t twt_get_threads(void) { return at::get_num_threads(); }

int32_t twt_module_load(const char* path, const char* device, twt_module** module, char** error) {
  return guarded(error, [&] {
    if (path == nullptr || device == nullptr || module == nullptr) {
      throw std::invalid_argument("twt_module_load: null argument");
    }
    torch::Device target(device);  // throws c10::Error naming the bad string
    if (target.is_cuda()) {
      if (!at::hasCUDA()) {
        throw std::runtime_error(std::string("device \"") + device +
                                 "\" asked for, but this libtorch was built without CUDA (Debian's libtorch-dev is "
                                 "CPU-only; build the shim against a CUDA libtorch, see src/TwinWorld.Torch/README.md)");
      }
      const auto count = torch::cuda::device_count();
      if (count == 0 || (target.has_index() && target.index() >= static_cast<int64_t>(count))) {
        throw std::runtime_error(std::string("device \"") + device + "\" asked for, but " + std::to_string(count) +
                                 " CUDA device(s) are visible");
      }
    }
    auto loaded = torch::jit::load(path, target);
    loaded.eval();
    if (!loaded.find_method("forward")) {
      throw std::runtime_error(std::string(path) + " has no forward method");
    }
    *module = new twt_module{std::move(loaded), target};
  });
}

void twt_module_free(twt_module* module) { delete module; }

int32_t twt_module_forward(twt_module* module, const twt_input* inputs, int32_t count, twt_tensor** output, char** error) {
  return guarded(error, [&] {
    if (module == nullptr || output == nullptr || count < 0 || (count > 0 && inputs == nullptr)) {
      throw std::invalid_argument("twt_module_forward: null argument");
    }
    c10::InferenceMode inference;
    auto forward = module->module.get_method("forward");
    const auto& arguments = forward.function().getSchema().arguments();
    std::vector<bool> used(count, false);
    std::vector<c10::IValue> stack;
    for (size_t a = 1; a < arguments.size(); ++a) {  // 0 is self
      const auto& argument = arguments[a];
      int32_t match = -1;
      for (int32_t i = 0; i < count; ++i) {
        if (inputs[i].name != nullptr && argument.name() == inputs[i].name) {
          if (match >= 0) {
            throw std::invalid_argument("input \"" + argument.name() + "\" is given twice");
          }
          match = i;
        }
      }
      if (match >= 0) {
        used[match] = true;
        stack.emplace_back(to_tensor(inputs[match], module->device));
      } else if (argument.default_value()) {
        stack.push_back(*argument.default_value());
      } else {
        throw std::invalid_argument("forward needs input \"" + argument.name() + "\", which was not given");
      }
    }
    for (int32_t i = 0; i < count; ++i) {
      if (!used[i]) {
        throw std::invalid_argument(std::string("forward has no argument \"") + (inputs[i].name ? inputs[i].name : "") +
                                    "\" (it takes " + join_arguments(arguments) + ")");
      }
    }
    auto result = forward(std::move(stack));
    if (!result.isTensor()) {
      throw std::runtime_error("forward returned " + result.tagKind() + ", not one tensor");
    }
    auto tensor = result.toTensor().to(torch::kCPU).contiguous();
    if (tensor.scalar_type() != torch::kUInt8 && tensor.scalar_type() != torch::kFloat32) {
      throw std::runtime_error(std::string("forward returned a ") + c10::toString(tensor.scalar_type()) +
                               " tensor; the shim passes uint8 and float32");
    }
    *output = new twt_tensor{std::move(tensor)};
  });
}

int32_t twt_tensor_dtype(const twt_tensor* tensor) {
  return tensor->tensor.scalar_type() == torch::kUInt8 ? TWT_UINT8 : TWT_FLOAT32;
}

int32_t twt_tensor_rank(const twt_tensor* tensor) { return static_cast<int32_t>(tensor->tensor.dim()); }

void twt_tensor_shape(const twt_tensor* tensor, int64_t* shape, int32_t capacity) {
  const auto sizes = tensor->tensor.sizes();
  for (int32_t i = 0; i < capacity && i < static_cast<int32_t>(sizes.size()); ++i) {
    shape[i] = sizes[i];
  }
}

const void* twt_tensor_data(const twt_tensor* tensor) { return tensor->tensor.data_ptr(); }

int64_t twt_tensor_byte_length(const twt_tensor* tensor) { return static_cast<int64_t>(tensor->tensor.nbytes()); }

void twt_tensor_free(twt_tensor* tensor) { delete tensor; }
}
