import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Prints "<jar file name> <module name> <explicit|automatic>" for every jar in a directory, as the
 * module system sees it (multi-release descriptors included). Used by link-image.sh.
 * usage: java build/ModuleNames.java DIR
 */
public class ModuleNames {
    public static void main(String[] args) {
        ModuleFinder.of(Path.of(args[0])).findAll().stream()
                .sorted(Comparator.comparing(r -> r.descriptor().name()))
                .forEach(ModuleNames::print);
    }

    private static void print(ModuleReference r) {
        String file = Path.of(r.location().orElseThrow()).getFileName().toString();
        System.out.println(file + " " + r.descriptor().name() + " " + (r.descriptor().isAutomatic() ? "automatic" : "explicit"));
    }
}
