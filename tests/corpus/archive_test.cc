// Unpacking archives for indexing: members land below the scratch folder, nothing escapes it, and a
// damaged or oversized member is reported while the rest is kept.
#include "corpus/archive.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "archive_writer.h"
#include "corpus/importers.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace tsubo {
namespace {

using testing::ArchiveMember;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(Archive, RecognisesArchiveNames) {
  EXPECT_TRUE(is_archive_name("/x/statutes-2013.tar.xz"));
  EXPECT_TRUE(is_archive_name("rulings.ZIP"));
  EXPECT_TRUE(is_archive_name("a.tgz"));
  EXPECT_FALSE(is_archive_name("0001.txt"));
  EXPECT_FALSE(is_archive_name("tar.xz.txt"));
}

TEST(Archive, UnpacksRegularFilesKeepingTheirFolders) {
  const std::string dir = testing::temp_dir("archive-ok");
  const std::string archive = dir + "/statutes.tar.xz";
  testing::write_archive(archive,
                         {{"statutes/0001.txt", "不正競争防止法\n第一条　目的\n"}, {"statutes/index.tsv", "0001.txt\t不正競争防止法\n"}},
                         "tar.xz");
  std::string folder;
  {
    const UnpackedArchive unpacked(archive, dir + "/unpacked");
    folder = unpacked.folder();
    EXPECT_EQ(unpacked.files(), 2u);
    EXPECT_TRUE(unpacked.problems().empty()) << joined(unpacked.problems());
    EXPECT_EQ(slurp(fs::path(folder) / "statutes" / "0001.txt"), "不正競争防止法\n第一条　目的\n");
    EXPECT_TRUE(fs::exists(fs::path(folder) / "statutes" / "index.tsv"));
  }
  EXPECT_FALSE(fs::exists(folder)) << "the scratch folder outlives the archive object";
}

TEST(Archive, MembersCannotEscapeTheFolder) {
  const std::string dir = testing::temp_dir("archive-escape");
  const std::string archive = dir + "/evil.tar";
  testing::write_archive(archive,
                         {{"../escaped.txt", "x"},
                          {"/tmp/absolute-escape.txt", "x"},
                          {"a/../../climb.txt", "x"},
                          {"link", "/etc/passwd", true},
                          {"good.txt", "残る"}},
                         "tar");
  const UnpackedArchive unpacked(archive, dir + "/inside/unpacked");
  EXPECT_EQ(unpacked.files(), 1u);
  EXPECT_EQ(unpacked.problems().size(), 3u) << joined(unpacked.problems());
  EXPECT_FALSE(fs::exists(dir + "/inside/escaped.txt"));
  EXPECT_FALSE(fs::exists(dir + "/escaped.txt"));
  EXPECT_FALSE(fs::exists(dir + "/climb.txt"));
  EXPECT_FALSE(fs::exists(fs::path(unpacked.folder()) / "link"));
  EXPECT_TRUE(fs::exists(fs::path(unpacked.folder()) / "good.txt"));
}

TEST(Archive, KeepsWhatWasReadBeforeTheDamage) {
  const std::string dir = testing::temp_dir("archive-damaged");
  const std::string archive = dir + "/cut.tar";
  const std::string body(4000, 'a');
  testing::write_archive(archive, {{"one.txt", body}, {"two.txt", body}, {"three.txt", body}}, "tar");
  // Cut inside the third member's data: tar headers are 512 bytes, data padded to 512.
  fs::resize_file(archive, 2 * (512 + 4096) + 512 + 1000);
  const UnpackedArchive unpacked(archive, dir + "/unpacked");
  EXPECT_EQ(unpacked.files(), 2u);
  ASSERT_EQ(unpacked.problems().size(), 1u);
  EXPECT_NE(unpacked.problems()[0].find("three.txt"), std::string::npos) << unpacked.problems()[0];
  EXPECT_FALSE(fs::exists(fs::path(unpacked.folder()) / "three.txt"));
}

TEST(Archive, LeavesOutAnOversizedMember) {
  const std::string dir = testing::temp_dir("archive-big");
  const std::string archive = dir + "/big.zip";
  testing::write_archive(archive, {{"big.txt", std::string(5000, 'x')}, {"small.txt", "小"}}, "zip");
  const UnpackedArchive unpacked(archive, dir + "/unpacked", 1000);
  EXPECT_EQ(unpacked.files(), 1u);
  ASSERT_EQ(unpacked.problems().size(), 1u);
  EXPECT_NE(unpacked.problems()[0].find("big.txt"), std::string::npos) << unpacked.problems()[0];
}

TEST(Archive, NotAnArchiveIsReportedNotFatal) {
  const std::string dir = testing::temp_dir("archive-not");
  const std::string archive = dir + "/text.tar.xz";
  std::ofstream(archive) << "this is plain text, not xz\n";
  try {
    const UnpackedArchive unpacked(archive, dir + "/unpacked");
    EXPECT_EQ(unpacked.files(), 0u);
    EXPECT_FALSE(unpacked.problems().empty());
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("text.tar.xz"), std::string::npos) << e.what();
  }
}

// A zip cut short: libarchive's error string was NULL at some cuts, appended to a std::string (SIGSEGV).
TEST(Archive, AZipCutAnywhereIsReportedNotACrash) {
  const std::string dir = testing::temp_dir("archive-cut-zip");
  const std::string whole = dir + "/whole.zip";
  testing::write_archive(whole,
                         {{"rulings/1.json", std::string(1500, 'a')}, {"rulings/2.json", std::string(1500, 'b')},
                          {"guidance/3.md", "# 指針\n秘密管理措置\n"}},
                         "zip");
  const std::string bytes = slurp(whole);
  for (std::size_t cut = 0; cut < bytes.size(); cut += 5) {
    const std::string archive = dir + "/cut.zip";
    std::ofstream(archive, std::ios::binary) << bytes.substr(0, cut);
    try {
      const UnpackedArchive unpacked(archive, dir + "/unpacked");
      for (const auto& problem : unpacked.problems()) EXPECT_FALSE(problem.empty()) << "cut at " << cut;
    } catch (const ImportError& e) {
      EXPECT_NE(std::string(e.what()).find("cut.zip"), std::string::npos) << e.what();
    }
  }
}

// The same, from a real zip of two rulings and a guideline cut at byte 1311 (inside the second member).
TEST(Archive, ARealZipCutShortKeepsTheFirstMember) {
  const std::string dir = testing::temp_dir("archive-cut-short");
  const UnpackedArchive unpacked(testing::fixture_path("archive/cut_short.zip"), dir + "/unpacked");
  EXPECT_EQ(unpacked.files(), 1u);
  ASSERT_EQ(unpacked.problems().size(), 1u) << joined(unpacked.problems());
  EXPECT_NE(unpacked.problems()[0].find("archive broke off after 1 files: "), std::string::npos) << unpacked.problems()[0];
}

// A member name no file system takes (a part over 255 bytes) is that member's problem alone:
// "filesystem error: … File name too long" dropped every member.
TEST(Archive, LeavesOutAMemberWhoseNameIsTooLong) {
  const std::string dir = testing::temp_dir("archive-long-name");
  const std::string archive = dir + "/long.tar";
  testing::write_archive(archive, {{"a.txt", "一"}, {"docs/" + std::string(300, 'x') + ".txt", "二"}, {"b.txt", "三"}},
                         "tar");
  const UnpackedArchive unpacked(archive, dir + "/unpacked");
  EXPECT_EQ(unpacked.files(), 2u);
  ASSERT_EQ(unpacked.problems().size(), 1u) << joined(unpacked.problems());
  EXPECT_NE(unpacked.problems()[0].find("304 bytes, over the 255-byte limit"), std::string::npos) << unpacked.problems()[0];
  EXPECT_TRUE(fs::exists(fs::path(unpacked.folder()) / "b.txt"));
}

}  // namespace
}  // namespace tsubo
