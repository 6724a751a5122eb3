#pragma once
/// Resource limits: a document that would take absurd memory or time is refused with a
/// message instead of exhausting the machine. The numbers sit far above any real document
/// (the sample report: 30 pages, 600 blocks, 60 KB of text) and well below what a
/// 2-core, 4 GB machine can still do in a minute or two.
///
/// Where each is checked:
/// - kMaxBlocks, kMaxTextBytes: resolve::check_document_size, before any shaping;
/// - kMaxPages: layout::break_pages, as pages are made;
/// - kMaxImagePixels: layout::probe_image, from the image's header;
/// - kMemoryLimitMb: limit_memory, for the whole process (the net under everything else:
///   a blow-up nobody foresaw ends in std::bad_alloc, which the CLI reports).
/// The loader's own limits (YAML nesting, include depth) live in pipeline/content.
#include <cstddef>
#include <cstdint>

namespace vanban {

/// Pages of one document.
inline constexpr std::size_t kMaxPages = 10000;
/// Blocks of one document: paragraphs, list items, table rows, quotes, headings.
inline constexpr std::size_t kMaxBlocks = 200000;
/// Bytes of text (UTF-8, after variables) in one document.
inline constexpr std::size_t kMaxTextBytes = std::size_t{64} << 20;
/// Pixels of one raster image (signature scans): the PDF writer decodes it whole, 4 bytes a
/// pixel. An A4 page scanned at 600 dpi has 35 million; a signature scan about 2 million.
inline constexpr std::uint64_t kMaxImagePixels = 50000000;
/// Writable memory of the vanban process, in MiB (VANBAN_MEMORY_LIMIT_MB overrides; 0: none).
inline constexpr std::size_t kMemoryLimitMb = 4096;
/// The smallest limit VANBAN_MEMORY_LIMIT_MB may set. A one-paragraph document needs 30 MB
/// on two cores; each thread's stack counts 8 MB, and a build runs up to eleven threads
/// (the fonts', the style's, the checks', parallel_for's eight), so 128 MB leaves room on
/// any machine. Below it, allocations would fail inside libraries that crash or print
/// their own errors instead of reporting it.
inline constexpr std::size_t kMinMemoryLimitMb = 128;

/// Caps the process's writable memory (RLIMIT_DATA: heap, anonymous mappings, stacks) at
/// `megabytes` MiB, so that allocation beyond it throws std::bad_alloc rather than driving
/// the machine into swap or the OOM killer. (Not RLIMIT_AS: that counts address space only
/// reserved, such as the 64-128 MB glibc maps for each thread's arena, so that a limit
/// below a few hundred MB failed at random, when a thread started.) Does nothing for 0, or
/// under AddressSanitizer (whose shadow memory counts). Returns whether a limit was set.
bool limit_memory(std::size_t megabytes);

}  // namespace vanban
