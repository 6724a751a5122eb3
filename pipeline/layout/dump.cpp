/// The stable text dumps of the flow (`--dump=lines`) and of the pages (`--dump=pages`).
#include "pipeline/layout/dump.hpp"

#include <cstdio>
#include <filesystem>

namespace vanban::layout {

namespace {

const char* kind_name(FlowBlock::Kind k) {
  switch (k) {
    case FlowBlock::Kind::Header: return "header";
    case FlowBlock::Kind::Title: return "title";
    case FlowBlock::Kind::PartHeading: return "part";
    case FlowBlock::Kind::Heading: return "heading";
    case FlowBlock::Kind::Paragraph: return "paragraph";
    case FlowBlock::Kind::ListItem: return "item";
    case FlowBlock::Kind::Quote: return "quote";
    case FlowBlock::Kind::TableRow: return "row";
    case FlowBlock::Kind::Closing: return "closing";
  }
  return "?";
}

}  // namespace

std::string dump_lines(const Flow& flow) {
  std::string out;
  char buf[64];
  for (const auto& b : flow.blocks) {
    out += kind_name(b.kind);
    if (b.keep_with_next) out += " keep";
    if (b.keep_with_previous) out += " keep-previous";
    if (b.break_before) out += " break";
    if (b.emergency) out += " emergency";
    out += '\n';
    for (const auto& r : b.fixed_runs) {
      std::snprintf(buf, sizeof buf, "  @%.2f,%.2f | ", to_pt(r.x), to_pt(r.y));
      out += buf + r.text + '\n';
    }
    for (const auto& l : b.lines) {
      std::snprintf(buf, sizeof buf, "  %+.3f %7.2f | ", l.ratio, to_pt(l.natural));
      out += buf + l.text + '\n';
    }
  }
  if (const auto& f = flow.first_page_footer) {  // box 13, placed by the page builder
    std::snprintf(buf, sizeof buf, "first-page-footer height=%.2f\n", to_pt(f->fixed_height));
    out += buf;
    for (const auto& r : f->fixed_runs) {
      std::snprintf(buf, sizeof buf, "  @%.2f,%.2f | ", to_pt(r.x), to_pt(r.y));
      out += buf + r.text + '\n';
    }
  }
  return out;
}

namespace {

/// " #rrggbb" for a colour other than black (black, the default, is not written, so the
/// dumps of documents without colour stay as they were).
std::string color_suffix(const Color& c) {
  if (c == Color{}) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, " #%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

}  // namespace

std::string dump_pages(const PagedDocument& doc) {
  std::string out;
  char buf[96];
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const auto& p = doc.pages[i];
    std::snprintf(buf, sizeof buf, "page %zu %.2fx%.2fpt\n", i + 1, to_pt(p.width), to_pt(p.height));
    out += buf;
    for (const auto& r : p.runs) {
      std::snprintf(buf, sizeof buf, "  %7.2f %7.2f %4.1f | ", to_pt(r.x), to_pt(r.y), to_pt(r.size));
      out += buf + r.text + color_suffix(r.color) + '\n';
    }
    for (const auto& r : p.rules) {
      std::snprintf(buf, sizeof buf, "  rule %.2f %.2f w=%.2f t=%.2f", to_pt(r.x), to_pt(r.y), to_pt(r.width),
                    to_pt(r.thickness));
      out += buf + color_suffix(r.color) + '\n';
    }
    for (const auto& f : p.frames) {
      std::snprintf(buf, sizeof buf, "  frame %.2f %.2f %.2fx%.2f t=%.2f", to_pt(f.x), to_pt(f.y), to_pt(f.width),
                    to_pt(f.height), to_pt(f.thickness));
      out += buf + color_suffix(f.color) + '\n';
    }
    for (const auto& im : p.images) {
      std::snprintf(buf, sizeof buf, "  image %.2f %.2f %.2fx%.2f ", to_pt(im.x), to_pt(im.y), to_pt(im.width),
                    to_pt(im.height));
      out += buf + std::filesystem::path(im.path).filename().string() + '\n';
    }
  }
  for (const auto& o : doc.outline) {
    std::snprintf(buf, sizeof buf, "outline %d p%zu ", o.level, o.page + 1);
    out += buf + o.title + '\n';
  }
  return out;
}

}  // namespace vanban::layout
