// Unpacking archives for indexing: members land below the scratch folder, nothing escapes it, and a
// damaged or oversized member is reported while the rest is kept.
#include "corpus/archive.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
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
  ArchiveLimits limits;
  limits.max_member_bytes = 1000;
  const UnpackedArchive unpacked(archive, dir + "/unpacked", limits);
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

// Bytes that deflate cannot shrink, so only the limit under test can trip.
std::string incompressible(std::size_t n, unsigned seed) {
  std::mt19937 random(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(random());
  return s;
}

// The error an archive is refused with, or "" when it is not refused.
template <typename Unpack>
std::string refusal(Unpack unpack) {
  try {
    unpack();
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

// Issue 19: a zip of 200 MB of zeros is about 200 KB. It is refused by its compression ratio after
// 16 MB have been inflated, not written out in full, and the scratch folder goes with it.
TEST(Archive, AZipBombIsRefusedByItsRatio) {
  const std::string dir = testing::temp_dir("archive-bomb");
  const std::string archive = dir + "/bomb.zip";
  testing::write_archive(archive, {{"small.txt", "秘密管理措置"}, {"zeros.txt", std::string(200u << 20, '\0')}}, "zip");
  ASSERT_LT(fs::file_size(archive), 1u << 20) << "the test bomb does not compress as expected";
  const std::string error = refusal([&] { UnpackedArchive unpacked(archive, dir + "/unpacked"); });
  EXPECT_NE(error.find("[corpus][archive] " + archive + ": unpacks to more than 100 times its size"), std::string::npos)
      << error;
  EXPECT_NE(error.find("kMaxCompressionRatio = 100"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(dir + "/unpacked")) << "a refused archive left its scratch folder";
}

TEST(Archive, TooManyEntriesAreRefused) {
  const std::string dir = testing::temp_dir("archive-entries");
  const std::string archive = dir + "/many.tar";
  std::vector<ArchiveMember> members;
  for (int k = 0; k < 12; ++k) members.push_back({"m/" + std::to_string(k) + ".txt", "条"});
  testing::write_archive(archive, members, "tar");
  ArchiveLimits limits;
  limits.max_entries = 10;
  const std::string error = refusal([&] { UnpackedArchive unpacked(archive, dir + "/unpacked", limits); });
  EXPECT_NE(error.find("many.tar: more than 10 entries (limit kMaxArchiveEntries = 10)"), std::string::npos) << error;
  EXPECT_FALSE(fs::exists(dir + "/unpacked"));
  limits.max_entries = 12;
  EXPECT_EQ(UnpackedArchive(archive, dir + "/unpacked", limits).files(), 12u);
}

TEST(Archive, TooManyBytesInTotalAreRefused) {
  const std::string dir = testing::temp_dir("archive-total");
  const std::string archive = dir + "/total.zip";
  testing::write_archive(archive,
                         {{"a.bin", incompressible(40000, 1)}, {"b.bin", incompressible(40000, 2)},
                          {"c.bin", incompressible(40000, 3)}},
                         "zip");
  ArchiveLimits limits;
  limits.max_unpacked_bytes = 100000;  // each member is under the member limit, all three are not
  const std::string error = refusal([&] { UnpackedArchive unpacked(archive, dir + "/unpacked", limits); });
  EXPECT_NE(error.find("total.zip: unpacks to more than 100000 bytes (limit kMaxArchiveUnpackedBytes"),
            std::string::npos)
      << error;
  limits.max_unpacked_bytes = 120000;
  EXPECT_EQ(UnpackedArchive(archive, dir + "/unpacked", limits).files(), 3u);
}

TEST(Archive, ReadsNamedMembersIntoMemory) {
  const std::string dir = testing::temp_dir("archive-members");
  const std::string archive = dir + "/doc.zip";
  testing::write_archive(archive, {{"word/document.xml", "<w:document/>"}, {"word/media/image1.png", "PNG"}}, "zip");
  const auto members = read_archive_members(archive, {"word/document.xml", "word/numbering.xml"});
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members.at("word/document.xml"), "<w:document/>");
}

TEST(Archive, ReadingMembersHasTheSameLimits) {
  const std::string dir = testing::temp_dir("archive-members-bomb");
  const std::string archive = dir + "/bomb.zip";
  testing::write_archive(archive, {{"word/document.xml", std::string(64u << 20, ' ')}}, "zip");
  const std::string error = refusal([&] { read_archive_members(archive, {"word/document.xml"}); });
  EXPECT_NE(error.find("bomb.zip: unpacks to more than 100 times its size"), std::string::npos) << error;
  ArchiveLimits limits;
  limits.max_member_bytes = 1000;
  const std::string member_error = refusal([&] { read_archive_members(archive, {"word/document.xml"}, limits); });
  EXPECT_NE(member_error.find("word/document.xml is 64 MB, over the 1000 bytes limit on one member"), std::string::npos)
      << member_error;
  std::ofstream(dir + "/plain.zip") << "not a zip at all\n";
  EXPECT_NE(refusal([&] { read_archive_members(dir + "/plain.zip", {"word/document.xml"}); }).find("not a zip archive"),
            std::string::npos);
}

// The real archive of all statutes passes every limit with room to spare (a quarter of each).
TEST(Archive, TheStatutesArchivePassesTheLimitsWithRoom) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const std::string archive = corpus + "/statutes-2013.tar.xz";
  const std::string dir = testing::temp_dir("archive-statutes");
  const UnpackedArchive unpacked(archive, dir + "/unpacked");
  EXPECT_TRUE(unpacked.problems().empty()) << joined(unpacked.problems());
  EXPECT_EQ(unpacked.files(), 7988u);  // 7,987 statutes and index.tsv
  EXPECT_LT(unpacked.files() * 4, kMaxArchiveEntries);
  EXPECT_LT(unpacked.bytes() * 4, kMaxArchiveUnpackedBytes);
  EXPECT_LT(unpacked.bytes() / fs::file_size(archive) * 4, kMaxCompressionRatio);
}

}  // namespace
}  // namespace tsubo
