// libarchive reading loop: member by member into the scratch folder, refusing paths that escape it.
#include "corpus/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "corpus/importers.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// File systems refuse a file or folder name over 255 bytes (NAME_MAX on ext4, xfs, btrfs, tmpfs).
constexpr std::size_t kMaxNamePartBytes = 255;

std::size_t longest_name_part(const fs::path& p) {
  std::size_t longest = 0;
  for (const auto& part : p) longest = std::max(longest, part.native().size());
  return longest;
}

// The member's path below the folder, or empty when it is absolute or climbs out with "..".
fs::path safe_member_path(const char* name) {
  if (name == nullptr || *name == '\0') return {};
  const fs::path p = fs::path(name).lexically_normal();
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) return {};
  for (const auto& part : p)
    if (part == "..") return {};
  return p;
}

// libarchive's message for the last error; it may have none (a zip cut short returned NULL, and
// appending NULL to a std::string crashed tsubo index).
std::string archive_reason(archive* a) {
  const char* message = archive_error_string(a);
  if (message != nullptr && *message != '\0') return message;
  const int code = archive_errno(a);
  return code > 0 ? std::string(std::strerror(code)) : std::string("damaged or cut short (libarchive gave no reason)");
}

}  // namespace

bool is_archive_name(const std::string& path) {
  std::string lower;
  for (char c : fs::path(path).filename().string()) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".tar", ".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar.bz2", ".tar.zst", ".zip"})
    if (ends_with(lower, ext)) return true;
  return false;
}

UnpackedArchive::UnpackedArchive(const std::string& archive_path, const std::string& scratch_folder,
                                 std::size_t max_member_bytes)
    : folder_(scratch_folder) {
  std::unique_ptr<archive, ArchiveCloser> in(archive_read_new());
  archive_read_support_filter_all(in.get());
  archive_read_support_format_tar(in.get());
  archive_read_support_format_zip(in.get());
  if (archive_read_open_filename(in.get(), archive_path.c_str(), 1 << 16) != ARCHIVE_OK)
    throw ImportError("cannot open archive " + archive_path + ": " + archive_reason(in.get()));
  fs::remove_all(folder_);
  fs::create_directories(folder_);

  std::vector<char> buffer(1 << 16);
  for (;;) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(in.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) {
      problems_.push_back("archive broke off after " + std::to_string(files_) + " files: " +
                          archive_reason(in.get()));
      break;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;  // folders are made as needed; links are not followed
    const char* raw_name = archive_entry_pathname(entry);
    const std::string name = raw_name ? raw_name : "";
    const fs::path relative = safe_member_path(raw_name);
    if (relative.empty()) {
      problems_.push_back(name + ": path outside the archive's own folder, left out");
      continue;
    }
    if (archive_entry_size_is_set(entry) && static_cast<std::size_t>(archive_entry_size(entry)) > max_member_bytes) {
      problems_.push_back(name + ": " + std::to_string(archive_entry_size(entry) >> 20) + " MB, over the " +
                          std::to_string(max_member_bytes >> 20) + " MB limit, left out");
      continue;
    }
    if (const std::size_t longest = longest_name_part(relative); longest > kMaxNamePartBytes) {
      std::size_t cut = std::min<std::size_t>(name.size(), 200);  // at a character: names are often Japanese
      while (cut > 0 && cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      problems_.push_back(name.substr(0, cut) + "…: a name part of " + std::to_string(longest) + " bytes, over the " +
                          std::to_string(kMaxNamePartBytes) + "-byte limit of file names, left out");
      continue;
    }
    const fs::path target = fs::path(folder_) / relative;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> out(ec ? nullptr : std::fopen(target.c_str(), "wb"));
    if (!out) {  // one member the file system refuses (a name clash with a folder, …) is that member's problem
      const int code = ec ? ec.value() : errno;
      if (code == ENOSPC) throw ImportError("cannot write " + target.string() + " (no space left on device) while unpacking " + archive_path);
      problems_.push_back(name + ": cannot be unpacked (" + std::strerror(code) + "), left out");
      continue;
    }
    std::size_t written = 0;
    bool broken = false, too_big = false;
    for (;;) {
      const la_ssize_t n = archive_read_data(in.get(), buffer.data(), buffer.size());
      if (n == 0) break;
      if (n < 0) {
        broken = true;
        break;
      }
      written += static_cast<std::size_t>(n);
      if (written > max_member_bytes) {
        too_big = true;
        break;
      }
      if (std::fwrite(buffer.data(), 1, static_cast<std::size_t>(n), out.get()) != static_cast<std::size_t>(n))
        throw ImportError("cannot write " + target.string() + " (disk full?) while unpacking " + archive_path);
    }
    out.reset();
    if (broken || too_big) {
      fs::remove(target);
      if (too_big) {
        problems_.push_back(name + ": over the " + std::to_string(max_member_bytes >> 20) + " MB limit, left out");
        continue;
      }
      problems_.push_back(name + ": damaged (" + archive_reason(in.get()) +
                          "); the archive is read no further");
      break;
    }
    ++files_;
    bytes_ += written;
  }
}

UnpackedArchive::~UnpackedArchive() {
  if (folder_.empty()) return;
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

UnpackedArchive::UnpackedArchive(UnpackedArchive&& other) noexcept
    : folder_(std::move(other.folder_)), files_(other.files_), bytes_(other.bytes_), problems_(std::move(other.problems_)) {
  other.folder_.clear();
}

}  // namespace tsubo
