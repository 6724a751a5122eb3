// A reader of signed PDFs that is not our code: Apache PDFBox (Debian libpdfbox2-java)
// lists every signature field of a PDF, one line each, for tests/e2e/test_pdfbox_signatures.py:
//   field=<name> signed=<true|false> subfilter=<...> revision=<n> whole=<true|false> contents=<bytes> reason=<...>
// and every text field (an unissued build's blanks) with its value:
//   field=<name> value=<text>
// revision: how many %%EOF markers end at or before the signature's /ByteRange end.
import java.io.File;
import java.nio.file.Files;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

public class SignatureFields {
  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(new File(args[0]).toPath());
    try (PDDocument doc = PDDocument.load(bytes)) {
      PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
      if (form == null) return;
      for (PDField f : form.getFieldTree()) {
        if (f instanceof PDTextField) {
          System.out.println("field=" + f.getFullyQualifiedName() + " value=" + ((PDTextField) f).getValue());
          continue;
        }
        if (!(f instanceof PDSignatureField)) continue;
        PDSignature sig = ((PDSignatureField) f).getSignature();
        StringBuilder line = new StringBuilder("field=" + f.getFullyQualifiedName() + " signed=" + (sig != null));
        if (sig != null) {
          int[] range = sig.getByteRange();
          int end = range[2] + range[3];
          line.append(" subfilter=").append(sig.getSubFilter());
          line.append(" revision=").append(revisionsUpTo(bytes, end));
          line.append(" whole=").append(end == bytes.length);
          line.append(" contents=").append(sig.getContents(bytes).length);
          line.append(" reason=").append(sig.getReason() == null ? "" : sig.getReason().replace(' ', '_'));
        }
        System.out.println(line);
      }
    }
  }

  /** The number of "%%EOF" markers that end at or before `end` (with their line ends). */
  static int revisionsUpTo(byte[] b, int end) {
    int n = 0;
    for (int i = 0; i + 5 <= end; ++i)
      if (b[i] == '%' && b[i + 1] == '%' && b[i + 2] == 'E' && b[i + 3] == 'O' && b[i + 4] == 'F') ++n;
    return n;
  }
}
