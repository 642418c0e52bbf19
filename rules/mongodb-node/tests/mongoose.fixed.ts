// TypeScript models, ES module imports.
import mongoose, { Schema, model, Types, HydratedDocument } from "mongoose";

interface IOrder {
  customer: Types.ObjectId;
  total: number;
  status: "new" | "paid";
}

const orderSchema = new Schema<IOrder>({
  customer: { type: Schema.Types.ObjectId, ref: "Customer", required: true },
  total: Number,
  status: { type: String, enum: ["new", "paid"], default: "new" },
});
export const Order = model<IOrder>("Order", orderSchema);

export async function legacy(id: string): Promise<void> {
  // expect: objectid-without-new
  const customer = Types.ObjectId(id);
  // expect: model-count-removed, model-count-deprecated
  const open = await Order.countDocuments({ status: "new", customer });
  // expect: find-by-id-and-remove-removed
  await Order.findByIdAndDelete(id);
  // expect: model-callback-removed
  Order.findById(id, (err: Error | null, order: HydratedDocument<IOrder> | null) => {});
  // expect: raw-result-option-removed
  const raw = await Order.findOneAndUpdate({ _id: id }, { status: "paid" }, { includeResultMetadata: true });
  console.log(open, raw);
}

export async function modern(id: string): Promise<number> {
  // ok: objectid-without-new
  const customer = new Types.ObjectId(id);
  // ok: model-count-removed, model-count-deprecated
  const open = await Order.countDocuments({ status: "new", customer });
  // ok: find-by-id-and-remove-removed
  await Order.findByIdAndDelete(id);
  // ok: model-callback-removed
  const order = await Order.findById(id).lean();
  // ok: raw-result-option-removed
  const res = await Order.findOneAndUpdate({ _id: id }, { status: "paid" }, { includeResultMetadata: true });
  // ok: raw-result-option-removed
  const batch = await Order.insertMany([{ status: "new", customer }], { rawResult: true });
  return open + (order ? 1 : 0) + (res.ok ?? 0) + batch.insertedCount;
}

// ok: mongoose-connect-options-no-effect, mongoose-connect-options-unsupported
await mongoose.connect(process.env.MONGODB_URI ?? "", { serverSelectionTimeoutMS: 5000 });
