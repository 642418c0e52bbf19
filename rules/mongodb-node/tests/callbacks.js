// A callback passed by name is judged as the function it names.
const mongoose = require("mongoose");

const User = mongoose.model("User", new mongoose.Schema({ name: String }));

function onFound(err, users) {
  console.log(err, users);
}
const onSaved = (err) => console.log(err);
const options = { lean: true };

// expect: model-callback-removed
User.find({ active: true }, onFound);
// A name that is not a function: not a callback.
// ok: model-callback-removed
User.find({ active: true }, options);
const doc = new User({ name: "ada" });
// expect: document-query-callback-removed
doc.save(onSaved);
// ok: document-query-callback-removed
doc.save(options);
