package social.tsubame.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Backups as folders of a directory. One being written is {@code .<name>.partial} and becomes {@code <name>} by a
 * rename on the same file system, which is atomic.
 */
final class DirectoryBackupTarget implements BackupTarget {

    private static final String PARTIAL = ".partial";

    private final Path root;

    DirectoryBackupTarget(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public String location(String backup) {
        return root.resolve(backup).toString();
    }

    @Override
    public List<String> complete() {
        return names().filter(name -> !name.startsWith("."))
                .filter(name -> Files.isRegularFile(root.resolve(name).resolve(BackupManifest.FILE)))
                .sorted().toList();
    }

    @Override
    public List<String> incomplete() {
        return names().filter(name -> name.startsWith(".") && name.endsWith(PARTIAL))
                .map(name -> name.substring(1, name.length() - PARTIAL.length()))
                .sorted().toList();
    }

    private Stream<String> names() {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list backups in " + root, e);
        }
    }

    @Override
    public Path begin(String name) {
        try {
            return Files.createDirectories(partial(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a backup in " + root, e);
        }
    }

    @Override
    public void commit(String name, Path folder) {
        try {
            Files.move(folder, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete backup " + name + " in " + root, e);
        }
    }

    @Override
    public void abandon(String name, Path folder) {
        deleteTree(folder);
    }

    @Override
    public void delete(String name) {
        deleteTree(root.resolve(name));
        deleteTree(partial(name));
    }

    @Override
    public Path fetch(String name, Path scratch) {
        return root.resolve(name);
    }

    private Path partial(String name) {
        return root.resolve("." + name + PARTIAL);
    }

    private static void deleteTree(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
