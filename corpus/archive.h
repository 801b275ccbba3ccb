// Archives of source files (statutes-2013.tar.xz, a zip of ruling PDFs) unpacked for indexing, and
// the named limits on what any archive (a .docx too) may unpack to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tsubo {

// Limits on unpacking one archive, so that a zip bomb is refused before it fills memory or disk.
// statutes-2013.tar.xz (7,987 files, 28 MB → 353 MB, ratio 12) passes the defaults with room.
constexpr std::size_t kMaxArchiveEntries = 100000;                         // entries of any kind
constexpr std::uint64_t kMaxArchiveUnpackedBytes = std::uint64_t{2} << 30;  // all members together
constexpr std::uint64_t kMaxArchiveMemberBytes = std::uint64_t{256} << 20;  // one member
constexpr std::uint64_t kMaxCompressionRatio = 100;  // unpacked bytes per byte of the archive file…
constexpr std::uint64_t kRatioCheckedFromBytes = std::uint64_t{16} << 20;  // …once this much is unpacked

struct ArchiveLimits {
  std::size_t max_entries = kMaxArchiveEntries;
  std::uint64_t max_unpacked_bytes = kMaxArchiveUnpackedBytes;
  std::uint64_t max_member_bytes = kMaxArchiveMemberBytes;
  std::uint64_t max_ratio = kMaxCompressionRatio;
  std::uint64_t ratio_checked_from_bytes = kRatioCheckedFromBytes;
};

// .tar, .tar.xz, .txz, .tar.gz, .tgz, .tar.bz2, .tar.zst, .zip (by name; the content is checked on unpacking).
bool is_archive_name(const std::string& path);

// The regular files of an archive, unpacked with libarchive into a fresh scratch folder that is
// removed again when this object goes. Member paths are kept below the folder (absolute paths and
// ".." are refused per member, links and devices are left out), so documents get the same ids as
// when the archive was unpacked by hand. A member over limits.max_member_bytes is left out with a
// reason; a damaged archive keeps the members read before the damage and records why it stopped.
// An archive over the entry, total-size or ratio limit is refused whole: ImportError
// `[corpus][archive] <path>: <what> (limit …)`, and nothing of it is left in the scratch folder.
class UnpackedArchive {
 public:
  UnpackedArchive(const std::string& archive_path, const std::string& scratch_folder,
                  const ArchiveLimits& limits = ArchiveLimits());
  ~UnpackedArchive();
  UnpackedArchive(UnpackedArchive&&) noexcept;
  UnpackedArchive(const UnpackedArchive&) = delete;
  UnpackedArchive& operator=(const UnpackedArchive&) = delete;
  UnpackedArchive& operator=(UnpackedArchive&&) = delete;

  const std::string& folder() const { return folder_; }
  std::size_t files() const { return files_; }
  std::size_t bytes() const { return bytes_; }
  // "member: reason" for every member left out, and a last line when the archive broke off.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void unpack(const std::string& archive_path, const ArchiveLimits& limits);

  std::string folder_;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
  std::vector<std::string> problems_;
};

// The named members of an archive read into memory (a .docx: word/document.xml, …), under the same
// limits; members not named are skipped and not inflated. A wanted member that is absent is absent
// from the result. Throws ImportError `[corpus][archive] <path>: <reason>` for a file that is not
// an archive, a damaged one, a wanted member over limits.max_member_bytes, or any limit exceeded.
std::map<std::string, std::string> read_archive_members(const std::string& archive_path,
                                                        const std::set<std::string>& wanted,
                                                        const ArchiveLimits& limits = ArchiveLimits());

}  // namespace tsubo
