// libarchive reading loops: member by member into the scratch folder (refusing paths that escape
// it) or into memory, each under a budget of entries, bytes and compression ratio.
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

std::string size_text(std::uint64_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MB" : std::to_string(bytes) + " bytes";
}

// Counts what an archive unpacks to and refuses it, naming the limit, as soon as one is passed: a
// bomb is stopped after at most ratio_checked_from_bytes (or the total limit) have been inflated.
class UnpackBudget {
 public:
  UnpackBudget(const std::string& path, const ArchiveLimits& limits) : path_(path), limits_(limits) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    archive_bytes_ = ec || size == 0 ? 1 : size;
  }

  void entry() {
    if (++entries_ > limits_.max_entries)
      fail("more than " + std::to_string(limits_.max_entries) + " entries (limit kMaxArchiveEntries = " +
           std::to_string(limits_.max_entries) + ")");
  }

  // Bytes inflated, kept or not: the CPU and memory were spent either way.
  void inflated(std::size_t n) {
    unpacked_ += n;
    if (unpacked_ > limits_.max_unpacked_bytes)
      fail("unpacks to more than " + size_text(limits_.max_unpacked_bytes) +
           " (limit kMaxArchiveUnpackedBytes = " + size_text(limits_.max_unpacked_bytes) + ")");
    if (unpacked_ >= limits_.ratio_checked_from_bytes && unpacked_ / archive_bytes_ > limits_.max_ratio)
      fail("unpacks to more than " + std::to_string(limits_.max_ratio) + " times its size (" +
           size_text(unpacked_) + " so far from " + size_text(archive_bytes_) +
           "; limit kMaxCompressionRatio = " + std::to_string(limits_.max_ratio) + "): a zip bomb?");
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw ImportError("[corpus][archive] " + path_ + ": " + reason);
  }

 private:
  std::string path_;
  ArchiveLimits limits_;
  std::uint64_t archive_bytes_ = 1;
  std::size_t entries_ = 0;
  std::uint64_t unpacked_ = 0;
};

}  // namespace

bool is_archive_name(const std::string& path) {
  std::string lower;
  for (char c : fs::path(path).filename().string()) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".tar", ".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar.bz2", ".tar.zst", ".zip"})
    if (ends_with(lower, ext)) return true;
  return false;
}

UnpackedArchive::UnpackedArchive(const std::string& archive_path, const std::string& scratch_folder,
                                 const ArchiveLimits& limits)
    : folder_(scratch_folder) {
  try {
    unpack(archive_path, limits);
  } catch (...) {  // the destructor does not run for an object never built: leave no half archive
    std::error_code ec;
    fs::remove_all(folder_, ec);
    throw;
  }
}

void UnpackedArchive::unpack(const std::string& archive_path, const ArchiveLimits& limits) {
  const std::uint64_t max_member_bytes = limits.max_member_bytes;
  UnpackBudget budget(archive_path, limits);
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
    budget.entry();
    if (archive_entry_filetype(entry) != AE_IFREG) continue;  // folders are made as needed; links are not followed
    const char* raw_name = archive_entry_pathname(entry);
    const std::string name = raw_name ? raw_name : "";
    const fs::path relative = safe_member_path(raw_name);
    if (relative.empty()) {
      problems_.push_back(name + ": path outside the archive's own folder, left out");
      continue;
    }
    if (archive_entry_size_is_set(entry) && static_cast<std::uint64_t>(archive_entry_size(entry)) > max_member_bytes) {
      problems_.push_back(name + ": " + size_text(static_cast<std::uint64_t>(archive_entry_size(entry))) +
                          ", over the " + size_text(max_member_bytes) +
                          " limit on one member (kMaxArchiveMemberBytes), left out");
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
      budget.inflated(static_cast<std::size_t>(n));
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
        problems_.push_back(name + ": over the " + size_text(max_member_bytes) +
                            " limit on one member (kMaxArchiveMemberBytes), left out");
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

std::map<std::string, std::string> read_archive_members(const std::string& archive_path,
                                                        const std::set<std::string>& wanted,
                                                        const ArchiveLimits& limits) {
  UnpackBudget budget(archive_path, limits);
  std::unique_ptr<archive, ArchiveCloser> in(archive_read_new());
  // The central directory, not the local headers: members not wanted are skipped without inflating.
  archive_read_support_format_zip_seekable(in.get());
  if (archive_read_open_filename(in.get(), archive_path.c_str(), 1 << 16) != ARCHIVE_OK)
    budget.fail("not a zip archive, or a damaged one: " + archive_reason(in.get()));
  std::map<std::string, std::string> members;
  std::vector<char> buffer(1 << 16);
  for (;;) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(in.get(), &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) budget.fail("damaged archive: " + archive_reason(in.get()));
    budget.entry();
    const char* raw_name = archive_entry_pathname(entry);
    const std::string name = raw_name ? raw_name : "";
    if (archive_entry_filetype(entry) != AE_IFREG || wanted.count(name) == 0 || members.count(name) != 0) continue;
    if (archive_entry_size_is_set(entry) && static_cast<std::uint64_t>(archive_entry_size(entry)) > limits.max_member_bytes)
      budget.fail(name + " is " + size_text(static_cast<std::uint64_t>(archive_entry_size(entry))) + ", over the " +
                  size_text(limits.max_member_bytes) + " limit on one member (kMaxArchiveMemberBytes)");
    std::string content;
    for (;;) {
      const la_ssize_t n = archive_read_data(in.get(), buffer.data(), buffer.size());
      if (n == 0) break;
      if (n < 0) budget.fail(name + " is damaged: " + archive_reason(in.get()));
      budget.inflated(static_cast<std::size_t>(n));
      if (content.size() + static_cast<std::size_t>(n) > limits.max_member_bytes)
        budget.fail(name + " unpacks to more than " + size_text(limits.max_member_bytes) +
                    " (limit on one member, kMaxArchiveMemberBytes)");
      content.append(buffer.data(), static_cast<std::size_t>(n));
    }
    members.emplace(name, std::move(content));
  }
  return members;
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
