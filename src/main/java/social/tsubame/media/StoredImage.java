package social.tsubame.media;

/** An uploaded image once processed and stored: the keys of its two files and what was learnt on the way. */
record StoredImage(String fileKey, String contentType, long fileSize, String thumbnailKey, String blurhash,
                   MediaMeta meta) {
}
