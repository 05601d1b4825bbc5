package social.tsubame.admin;

/**
 * A command that needs the database as it finds it: the application starts without migrating the schema or
 * checking it against the entities, so that an empty database stays empty until the command fills it.
 */
interface LeavesSchemaAlone {
}
