// A Sequelize models object named db, in a Node module: not mongosh.
const db = require("./models");

async function stats() {
  // ok: collection-count-deprecated
  const users = await db.User.count({ where: { active: true } });
  // ok: cursor-count-deprecated
  const found = await db.users.find({ active: true }).count();
  return users + found;
}

module.exports = { stats };
