#include "pipeline/pdf/attachments.hpp"

#include <algorithm>
#include <utility>

namespace vanban::pdf {

AttachmentEntries add_attachments(PdfFile& file, const std::vector<AttachedFile>& files) {
  if (files.empty()) return {};
  Array af;
  std::vector<std::pair<std::string, ObjNum>> tree;
  for (const AttachedFile& f : files) {
    const ObjNum stream = file.reserve(), spec = file.reserve();
    file.write_stream(stream,
                      Dict()
                          .name("Type", "EmbeddedFile")
                          .name("Subtype", f.mime)
                          .raw("Params", Dict().integer("Size", static_cast<std::int64_t>(f.bytes.size())).str())
                          .entries(),
                      f.bytes);
    file.write_object(spec, Dict()
                                .name("Type", "Filespec")
                                .text("F", f.name)
                                .text("UF", f.name)
                                .text("Desc", "source of this document")
                                .name("AFRelationship", "Source")
                                .raw("EF", Dict().ref("F", stream).ref("UF", stream).str())
                                .str());
    af.ref(spec);
    tree.emplace_back(f.name, spec);
  }
  std::sort(tree.begin(), tree.end());  // (bytewise: the order a name tree's keys need)
  Array names;
  for (const auto& [name, spec] : tree) {
    std::string key;
    append_text_string(key, name);
    names.raw(key).ref(spec);
  }
  return {af.str(), Dict().raw("EmbeddedFiles", Dict().raw("Names", names.str()).str()).str()};
}

}  // namespace vanban::pdf
