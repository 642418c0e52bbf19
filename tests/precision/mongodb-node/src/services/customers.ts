// Customer operations on the Mongoose 8 models.
import mongoose, { Types } from "mongoose";
import { Customer, Ticket, IAddress, ICustomer } from "../models/customer";

export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

function objectId(id: string): Types.ObjectId {
  if (!mongoose.isValidObjectId(id)) {
    throw new HttpError(404, "customer not found");
  }
  return new Types.ObjectId(id);
}

export async function register(input: { email: string; name: string; referredBy?: string }) {
  const existing = await Customer.findByEmail(input.email);
  if (existing) {
    throw new HttpError(409, "email already registered");
  }
  const referrer = input.referredBy ? await Customer.exists({ _id: objectId(input.referredBy) }) : null;
  const customer = await Customer.create({
    email: input.email,
    name: input.name,
    referredBy: referrer?._id,
  });
  return customer.toJSON();
}

export async function getCustomer(id: string) {
  const customer = await Customer.findOne({ _id: objectId(id), deletedAt: null })
    .populate<{ referredBy: ICustomer | null }>("referredBy", "name email")
    .lean({ virtuals: true });
  if (!customer) {
    throw new HttpError(404, "customer not found");
  }
  return customer;
}

/** The best matches only: a search box shows the top results, not pages of them. */
export async function search(term: string, limit = 20) {
  const filter = { deletedAt: null, $text: { $search: term } };
  const [items, total] = await Promise.all([
    Customer.find(filter, { score: { $meta: "textScore" } })
      .sort({ score: { $meta: "textScore" } })
      .limit(Math.min(limit, 100))
      .lean(),
    Customer.countDocuments(filter),
  ]);
  return { items, total };
}

export async function rename(id: string, name: string) {
  const updated = await Customer.findOneAndUpdate(
    { _id: objectId(id), deletedAt: null },
    { $set: { name } },
    { new: true, runValidators: true },
  );
  if (!updated) {
    throw new HttpError(404, "customer not found");
  }
  return updated;
}

/** Upserts by email and tells the caller whether the customer already existed. */
export async function upsertFromImport(email: string, name: string) {
  const res = await Customer.findOneAndUpdate(
    { email: email.toLowerCase() },
    { $setOnInsert: { name, plan: "free" } },
    { upsert: true, new: true, includeResultMetadata: true },
  );
  return { customer: res.value, existed: Boolean(res.lastErrorObject?.updatedExisting) };
}

export async function replaceProfile(id: string, profile: Pick<ICustomer, "email" | "name" | "plan">) {
  return Customer.findOneAndReplace({ _id: objectId(id) }, { ...profile, deletedAt: null }, { new: true });
}

export async function addAddress(id: string, address: IAddress) {
  const customer = await Customer.findById(objectId(id));
  if (!customer) {
    throw new HttpError(404, "customer not found");
  }
  if (address.isDefault) {
    customer.addresses.forEach((existing) => {
      existing.isDefault = false;
    });
  }
  customer.addresses.push(address);
  await customer.save();
  return customer.defaultAddress();
}

export async function removeAddress(id: string, addressId: string) {
  const customer = await Customer.findById(objectId(id));
  const address = customer?.addresses.id(addressId);
  if (!customer || !address) {
    throw new HttpError(404, "address not found");
  }
  address.deleteOne();
  await customer.save();
}

export async function tag(id: string, tags: string[]) {
  const result = await Customer.updateOne({ _id: objectId(id) }, { $addToSet: { tags: { $each: tags } } });
  return result.modifiedCount === 1;
}

export async function upgradeTrials(plan: ICustomer["plan"]) {
  const result = await Customer.updateMany({ plan: "free", tags: "trial-ended" }, { $set: { plan } });
  return result.modifiedCount;
}

export async function softDelete(id: string) {
  const result = await Customer.updateOne({ _id: objectId(id) }, { $set: { deletedAt: new Date() } });
  return result.matchedCount === 1;
}

/** Hard delete: runs the document `deleteOne` middleware, which deletes the tickets. */
export async function erase(id: string) {
  const customer = await Customer.findById(objectId(id));
  if (!customer) {
    return false;
  }
  await customer.deleteOne();
  return true;
}

export async function eraseByEmail(email: string) {
  const removed = await Customer.findOneAndDelete({ email: email.toLowerCase() });
  if (removed) {
    await Ticket.deleteMany({ customer: removed._id });
  }
  return removed !== null;
}

export async function eraseTicket(ticketId: string) {
  return Ticket.findByIdAndDelete(objectId(ticketId));
}

export async function stats() {
  const [active, pro, total, openTickets] = await Promise.all([
    Customer.countActive(),
    Customer.countActive("pro"),
    Customer.estimatedDocumentCount(),
    Ticket.countDocuments({ status: { $ne: "closed" } }),
  ]);
  const byCountry = await Customer.aggregate<{ _id: string; customers: number }>([
    { $match: { deletedAt: null } },
    { $unwind: "$addresses" },
    { $match: { "addresses.isDefault": true } },
    { $group: { _id: "$addresses.country", customers: { $sum: 1 } } },
    { $sort: { customers: -1 } },
  ]);
  return { active, pro, total, openTickets, byCountry };
}

export async function openTicket(customerId: string, subject: string, body: string) {
  const ticket = new Ticket({
    customer: objectId(customerId),
    subject,
    messages: [{ author: "customer", body, at: new Date() }],
  });
  await ticket.save();
  return ticket.populate("customer", "name email");
}

export async function closeTickets(customerId: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Ticket.updateMany(
        { customer: objectId(customerId), status: { $ne: "closed" } },
        { $set: { status: "closed" } },
        { session },
      );
      await Customer.updateOne({ _id: objectId(customerId) }, { $pull: { tags: "support" } }, { session });
    });
  } finally {
    await session.endSession();
  }
}
