//===- Bench.h - shared helpers of the lq benchmarks ------------*- C++ -*-===//
//
// Part of the lq project: Larq's quantizers as first-class MLIR.
//
//===----------------------------------------------------------------------===//
//
// What every lq benchmark needs around kernels compiled ahead of time by
// add_lq_kernel_object() (bench/AddLQBench.cmake):
//  * MemRef<T, Rank>: the descriptor that `_mlir_ciface_<fn>` wrappers take
//    pointers to, and Buffer<T>: big, aligned, pre-faulted host memory;
//  * timing: steady_clock samples, medians, a DoNotOptimize-style sink and
//    a round-robin driver that interleaves the kernels being compared, so
//    slow drifts of a shared machine hit all of them alike;
//  * output: an aligned text table and the same rows as CSV;
//  * the command-line options every benchmark understands.
// Header-only, C++17, no dependency beyond the standard library (and Linux
// madvise when available).
//
//===----------------------------------------------------------------------===//

#ifndef LQ_BENCH_BENCH_H
#define LQ_BENCH_BENCH_H

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace lq::bench {

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

/// The descriptor of a ranked memref as the MLIR LLVM lowering lays it out;
/// `_mlir_ciface_<fn>` takes a pointer to one per memref argument.
template <typename T, int Rank>
struct MemRef {
  T *allocated;
  T *aligned;
  int64_t offset;
  int64_t sizes[Rank];
  int64_t strides[Rank];
};

/// A rank-0 memref has no sizes or strides.
template <typename T>
struct MemRef<T, 0> {
  T *allocated;
  T *aligned;
  int64_t offset;
};

/// A descriptor of the dense row-major array `data` of shape `shape`.
template <typename T, int Rank>
MemRef<T, Rank> makeMemRef(T *data, const std::array<int64_t, Rank> &shape) {
  MemRef<T, Rank> ref;
  ref.allocated = data;
  ref.aligned = data;
  ref.offset = 0;
  int64_t stride = 1;
  for (int d = Rank - 1; d >= 0; --d) {
    ref.sizes[d] = shape[d];
    ref.strides[d] = stride;
    stride *= shape[d];
  }
  return ref;
}

/// An uninitialized array of `size` elements aligned to 2 MiB (transparent
/// huge pages where the kernel offers them, so TLB misses do not differ
/// between kernels), with every page touched once: no page fault is timed.
template <typename T>
class Buffer {
public:
  static constexpr size_t kAlignment = size_t(2) << 20;

  explicit Buffer(size_t size) : count(size) {
    size_t bytes = std::max<size_t>(size * sizeof(T), 1);
    bytes = (bytes + kAlignment - 1) / kAlignment * kAlignment;
    void *memory = std::aligned_alloc(kAlignment, bytes);
    if (!memory) {
      std::fprintf(stderr, "error: cannot allocate %zu bytes\n", bytes);
      std::exit(2);
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    (void)madvise(memory, bytes, MADV_HUGEPAGE);
#endif
    std::memset(memory, 0, bytes);
    storage.reset(static_cast<T *>(memory));
  }

  T *data() { return storage.get(); }
  const T *data() const { return storage.get(); }
  size_t size() const { return count; }
  T &operator[](size_t i) { return storage.get()[i]; }
  const T &operator[](size_t i) const { return storage.get()[i]; }
  /// A rank-1 descriptor of the whole buffer.
  MemRef<T, 1> memref() {
    return makeMemRef<T, 1>(data(), {static_cast<int64_t>(count)});
  }

private:
  struct Free {
    void operator()(T *p) const { std::free(p); }
  };
  std::unique_ptr<T, Free> storage;
  size_t count;
};

//===----------------------------------------------------------------------===//
// Timing
//===----------------------------------------------------------------------===//

/// Makes `value` (and, through the memory clobber, everything reachable from
/// memory) observable, so the compiler cannot drop the work producing it.
template <typename T>
inline void doNotOptimize(const T &value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

/// Forces pending stores to be considered visible: a compiler barrier.
inline void clobberMemory() { asm volatile("" : : : "memory"); }

/// Seconds taken by one call of `fn`, on the steady clock.
template <typename Fn>
double timeOnce(Fn &&fn) {
  auto start = std::chrono::steady_clock::now();
  fn();
  clobberMemory();
  auto stop = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(stop - start).count();
}

/// Summary of the timed samples of one kernel, in seconds.
struct Stats {
  std::vector<double> samples;
  double median = 0;
  double min = 0;
  double max = 0;
};

/// The median (mean of the two middle samples for an even count).
inline double median(std::vector<double> samples) {
  if (samples.empty())
    return 0;
  size_t mid = samples.size() / 2;
  std::nth_element(samples.begin(), samples.begin() + mid, samples.end());
  double upper = samples[mid];
  if (samples.size() % 2)
    return upper;
  double lower = *std::max_element(samples.begin(), samples.begin() + mid);
  return (lower + upper) / 2;
}

inline Stats summarize(std::vector<double> samples) {
  Stats stats;
  stats.median = median(samples);
  if (!samples.empty()) {
    stats.min = *std::min_element(samples.begin(), samples.end());
    stats.max = *std::max_element(samples.begin(), samples.end());
  }
  stats.samples = std::move(samples);
  return stats;
}

/// Times every function of `fns` `reps` times after `warmup` untimed calls
/// each, interleaved round-robin (call 1 of every function, then call 2,
/// ...), and returns their statistics in the same order.
inline std::vector<Stats>
timeRoundRobin(const std::vector<std::function<void()>> &fns, int warmup,
               int reps) {
  for (int round = 0; round < warmup; ++round)
    for (const auto &fn : fns)
      fn();
  std::vector<std::vector<double>> samples(fns.size());
  for (int round = 0; round < reps; ++round)
    for (size_t i = 0; i < fns.size(); ++i)
      samples[i].push_back(timeOnce(fns[i]));
  std::vector<Stats> stats;
  for (auto &kernelSamples : samples)
    stats.push_back(summarize(std::move(kernelSamples)));
  return stats;
}

//===----------------------------------------------------------------------===//
// Output
//===----------------------------------------------------------------------===//

/// `value` with `decimals` digits after the point.
inline std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", decimals, value);
  return text;
}

/// A table of strings printed with aligned columns (numbers right-aligned)
/// and written as CSV (quoted where needed).
class Table {
public:
  explicit Table(std::vector<std::string> header) : header(std::move(header)) {}

  void addRow(std::vector<std::string> row) {
    row.resize(header.size());
    rows.push_back(std::move(row));
  }

  void print(std::FILE *out) const {
    std::vector<size_t> widths(header.size());
    for (size_t c = 0; c < header.size(); ++c) {
      widths[c] = header[c].size();
      for (const auto &row : rows)
        widths[c] = std::max(widths[c], row[c].size());
    }
    auto printRow = [&](const std::vector<std::string> &row) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        std::string padding(widths[c] - row[c].size(), ' ');
        bool left = c == 0 || !looksNumeric(row[c]);
        line += (c ? "  " : "") + (left ? row[c] + padding : padding + row[c]);
      }
      line.erase(line.find_last_not_of(' ') + 1);
      std::fprintf(out, "%s\n", line.c_str());
    };
    printRow(header);
    size_t total = 0;
    for (size_t width : widths)
      total += width;
    std::fprintf(out, "%s\n",
                 std::string(total + 2 * (widths.size() - 1), '-').c_str());
    for (const auto &row : rows)
      printRow(row);
  }

  /// Writes header and rows to `path`; false (with a message) on failure.
  bool writeCsv(const std::string &path) const {
    std::ofstream file(path);
    if (!file) {
      std::fprintf(stderr, "error: cannot write %s\n", path.c_str());
      return false;
    }
    auto writeRow = [&](const std::vector<std::string> &row) {
      for (size_t c = 0; c < row.size(); ++c)
        file << (c ? "," : "") << csvField(row[c]);
      file << "\n";
    };
    writeRow(header);
    for (const auto &row : rows)
      writeRow(row);
    return static_cast<bool>(file);
  }

private:
  static bool looksNumeric(const std::string &text) {
    return !text.empty() &&
           text.find_first_not_of("0123456789.+-e%") == std::string::npos &&
           text.find_first_of("0123456789") != std::string::npos;
  }

  static std::string csvField(const std::string &text) {
    if (text.find_first_of(",\"\n") == std::string::npos)
      return text;
    std::string quoted = "\"";
    for (char c : text) {
      if (c == '"')
        quoted += '"';
      quoted += c;
    }
    return quoted + "\"";
  }

  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// The CPU model name of this machine (Linux), or "unknown".
inline std::string cpuModelName() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) != 0)
      continue;
    size_t colon = line.find(':');
    if (colon != std::string::npos)
      return line.substr(line.find_first_not_of(" \t", colon + 1));
  }
  return "unknown";
}

/// The widest x86 vector extension the calling translation unit is compiled
/// for (from the compiler's target macros): call it from a file built with the
/// kernels' -march.
inline const char *compiledVectorIsa() {
#if defined(__AVX512F__)
  return "AVX-512";
#elif defined(__AVX2__)
  return "AVX2";
#elif defined(__AVX__)
  return "AVX";
#elif defined(__SSE2__)
  return "SSE2";
#else
  return "scalar/other";
#endif
}

//===----------------------------------------------------------------------===//
// Command line
//===----------------------------------------------------------------------===//

/// Options shared by the lq benchmarks.
struct Options {
  /// Tiny problem, one repetition: checks that everything runs and verifies.
  bool smoke = false;
  int warmup = 2;
  int reps = 15;
  /// Where to write the CSV ("" = nowhere).
  std::string csv;
  /// Only kernels whose name contains this (empty = all).
  std::string filter;
};

inline std::string executableDirectory();

/// Parses --smoke, --warmup=N, --reps=N, --csv=PATH, --filter=TEXT and
/// --help. Exits on --help (status 0) and on bad arguments (status 2). Without
/// --csv, a full (not --smoke) run writes `defaultCsvName` next to the
/// executable.
inline Options parseOptions(int argc, char **argv, const char *description,
                            const char *defaultCsvName) {
  Options options;
  auto usage = [&](std::FILE *out) {
    std::fprintf(out,
                 "%s\n\nusage: %s [--smoke] [--warmup=N] [--reps=N] "
                 "[--csv=PATH] [--filter=TEXT]\n"
                 "  --smoke        tiny problem, 1 repetition: verifies the "
                 "kernels, times nothing meaningful\n"
                 "  --warmup=N     untimed calls per kernel (default %d)\n"
                 "  --reps=N       timed calls per kernel, >= 1 (default %d)\n"
                 "  --csv=PATH     write the results as CSV (empty: do not; "
                 "default: %s next to the binary, none with --smoke)\n"
                 "  --filter=TEXT  only kernels whose name contains TEXT\n",
                 description, argv[0], options.warmup, options.reps,
                 defaultCsvName);
  };
  auto intValue = [&](const std::string &arg, size_t prefix, int min) {
    char *end = nullptr;
    long value = std::strtol(arg.c_str() + prefix, &end, 10);
    if (!end || *end || end == arg.c_str() + prefix || value < min ||
        value > 1000000) {
      std::fprintf(stderr, "error: bad value in '%s'\n", arg.c_str());
      usage(stderr);
      std::exit(2);
    }
    return static_cast<int>(value);
  };
  bool repsGiven = false, warmupGiven = false, csvGiven = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      usage(stdout);
      std::exit(0);
    } else if (arg == "--smoke") {
      options.smoke = true;
    } else if (arg.rfind("--warmup=", 0) == 0) {
      options.warmup = intValue(arg, 9, 0);
      warmupGiven = true;
    } else if (arg.rfind("--reps=", 0) == 0) {
      options.reps = intValue(arg, 7, 1);
      repsGiven = true;
    } else if (arg.rfind("--csv=", 0) == 0) {
      options.csv = arg.substr(6);
      csvGiven = true;
    } else if (arg.rfind("--filter=", 0) == 0) {
      options.filter = arg.substr(9);
    } else {
      std::fprintf(stderr, "error: unknown argument '%s'\n", arg.c_str());
      usage(stderr);
      std::exit(2);
    }
  }
  if (options.smoke) {
    if (!repsGiven)
      options.reps = 1;
    if (!warmupGiven)
      options.warmup = 0;
  }
  if (!csvGiven && !options.smoke)
    options.csv = executableDirectory() + "/" + defaultCsvName;
  return options;
}

/// The directory of the running executable (Linux), or ".".
inline std::string executableDirectory() {
#if defined(__linux__)
  char path[4096];
  ssize_t length = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (length > 0) {
    std::string exe(path, static_cast<size_t>(length));
    size_t slash = exe.rfind('/');
    if (slash != std::string::npos)
      return exe.substr(0, slash);
  }
#endif
  return ".";
}

} // namespace lq::bench

#endif // LQ_BENCH_BENCH_H
