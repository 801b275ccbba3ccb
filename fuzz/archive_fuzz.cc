// Fuzzes unpacking an archive (corpus/archive.cc on libarchive: tar, zip and their compressions).
// Nothing may land outside the unpack folder, and it holds exactly the files it reports.
#include <filesystem>

#include "corpus/archive.h"
#include "corpus/importers.h"
#include "fuzz/fuzz_support.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& scratch = tsubo::fuzz::scratch_folder();
  const std::string path = tsubo::fuzz::write_scratch_file("input.tar", tsubo::fuzz::as_text(data, size));
  const std::string folder = scratch + "/unpack";
  try {
    // Members over 1 MB are left out and 16 MB in all stop the archive, so a small compressed input
    // cannot fill the disk; the other limits are the real ones.
    tsubo::ArchiveLimits limits;
    limits.max_member_bytes = std::uint64_t{1} << 20;
    limits.max_unpacked_bytes = std::uint64_t{16} << 20;
    tsubo::UnpackedArchive unpacked(path, folder, limits);
    std::size_t files = 0;
    for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it)
      if (it->is_regular_file() && !it->is_symlink()) ++files;
      else if (!it->is_directory() || it->is_symlink()) tsubo::fuzz::fail("unpacked something not a file: " + it->path().string());
    // A member repeated under the same name is written twice and counted twice.
    if (files > unpacked.files())
      tsubo::fuzz::fail("unpacked " + std::to_string(files) + " files but reported " + std::to_string(unpacked.files()));
  } catch (const tsubo::ImportError&) {
  }
  for (const auto& entry : fs::directory_iterator(scratch))
    if (entry.path() != path && entry.path() != folder)
      tsubo::fuzz::fail("a member landed outside the unpack folder: " + entry.path().string());
  return 0;
}
