// In a Node module `db.users` is something else (here Sequelize models), not mongosh.
const db = require("./models");
// ok: collection-legacy-crud-deprecated
db.User.update({ active: false }, { where: { id: 1 } });
// ok: collection-legacy-crud-deprecated
db.users.insert({ name: "x" });
