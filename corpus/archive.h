// Archives of source files (statutes-2013.tar.xz, a zip of ruling PDFs) unpacked for indexing.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tsubo {

// .tar, .tar.xz, .txz, .tar.gz, .tgz, .tar.bz2, .tar.zst, .zip (by name; the content is checked on unpacking).
bool is_archive_name(const std::string& path);

// The regular files of an archive, unpacked with libarchive into a fresh scratch folder that is
// removed again when this object goes. Member paths are kept below the folder (absolute paths and
// ".." are refused per member, links and devices are left out), so documents get the same ids as
// when the archive was unpacked by hand. A member over max_member_bytes is left out with a reason;
// a damaged archive keeps the members read before the damage and records why it stopped.
class UnpackedArchive {
 public:
  UnpackedArchive(const std::string& archive_path, const std::string& scratch_folder,
                  std::size_t max_member_bytes = std::size_t{256} << 20);
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
  std::string folder_;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
  std::vector<std::string> problems_;
};

}  // namespace tsubo
