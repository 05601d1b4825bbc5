package social.tsubame.queue;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/** A Lua script run by its digest, loaded again when Redis lost its script cache (after a restart). */
public final class LuaScript {

    private final String source;
    private volatile String digest;

    public LuaScript(String source) {
        this.source = source;
    }

    public long run(RedisCommands<String, String> redis, String[] keys, String... args) {
        if (digest == null) {
            digest = redis.scriptLoad(source);
        }
        try {
            Long result = redis.evalsha(digest, ScriptOutputType.INTEGER, keys, args);
            return result == null ? 0 : result;
        } catch (RedisNoScriptException e) {
            digest = redis.scriptLoad(source);
            Long result = redis.evalsha(digest, ScriptOutputType.INTEGER, keys, args);
            return result == null ? 0 : result;
        }
    }
}
