// libarchive's write API, just enough to build the archives the tests read back.
#include "archive_writer.h"

#include <archive.h>
#include <archive_entry.h>

#include <stdexcept>

namespace tsubo::testing {

void write_archive(const std::string& path, const std::vector<ArchiveMember>& members, const std::string& format) {
  archive* out = archive_write_new();
  if (format == "zip") {
    archive_write_set_format_zip(out);
  } else {
    archive_write_set_format_pax_restricted(out);
    if (format == "tar.xz") archive_write_add_filter_xz(out);
  }
  if (archive_write_open_filename(out, path.c_str()) != ARCHIVE_OK)
    throw std::runtime_error(std::string("cannot write test archive: ") + archive_error_string(out));
  for (const auto& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_perm(e, 0644);
    if (m.symlink) {
      archive_entry_set_filetype(e, AE_IFLNK);
      archive_entry_set_symlink(e, m.content.c_str());
      archive_entry_set_size(e, 0);
      archive_write_header(out, e);
    } else {
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_size(e, static_cast<la_int64_t>(m.content.size()));
      archive_write_header(out, e);
      archive_write_data(out, m.content.data(), m.content.size());
    }
    archive_entry_free(e);
  }
  archive_write_close(out);
  archive_write_free(out);
}

}  // namespace tsubo::testing
